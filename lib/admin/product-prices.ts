import "server-only";
import type { Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/session";
import { setProductPrice } from "@/lib/catalog/writes";
import { logger } from "@/lib/logger";
import { formatMoney } from "@/lib/money";
import { asAdmin } from "./guard";
import { parsePriceForm } from "./price-form";

// The catalog side of /admin: set a product's price, or refresh the cached catalog after a change made straight
// in the database (a seed, a SQL fix). Like the order operations (operations.ts), each checks the caller
// itself, validates its input, and lets the data layer re-read the row. `invalidate` is the app's
// invalidateCatalog in production; tests pass a spy, since Next's updateTag runs only inside a Server Action.

export type CatalogAdminState =
  | { status: "idle" }
  | { status: "refused"; message: string }
  | { status: "invalid"; message: string }
  | { status: "failed"; message: string }
  | { status: "saved"; message: string }
  | { status: "refreshed"; message: string };

const REFUSED = { status: "refused", message: "Not allowed: this needs an administrator." } as const;

export async function changeProductPrice(
  viewer: Viewer | null,
  db: Db,
  form: unknown,
  invalidate: () => void,
): Promise<CatalogAdminState> {
  const admin = asAdmin(viewer);
  if (!admin) return REFUSED;
  const input = parsePriceForm(form);
  if (!input.ok) return { status: "invalid", message: input.message };

  const result = await setProductPrice(db, { ...input, by: admin.verifiedEmail }).catch((error: unknown) => {
    logger.error({ scope: "catalog", productId: input.productId, err: error }, "price change failed");
    return null;
  });
  if (!result) return { status: "failed", message: "The price could not be saved. Nothing changed; try again." };
  if (!result.ok) {
    switch (result.error) {
      case "not_found":
        return { status: "invalid", message: "That product no longer exists. Reload the page." };
      case "currency_mismatch":
        return {
          status: "invalid",
          message: `This product is now priced in ${result.productCurrency}, not ${input.currency}. Reload the page.`,
        };
      case "invalid_input":
        return { status: "invalid", message: "This price form is incomplete. Reload the page." };
    }
  }
  // Also when the price was already that: the row may have been changed in the database directly, and then the
  // cached pages (and this admin's own list) still show the price from before.
  invalidate();
  const { product, oldPriceMinor, newPriceMinor, changed } = result;
  const price = formatMoney(newPriceMinor, product.currency);
  if (!changed) return { status: "saved", message: `${product.name} already costs ${price}. Nothing changed.` };
  return {
    status: "saved",
    message: `${product.name} now costs ${price} (was ${formatMoney(oldPriceMinor, product.currency)}).`,
  };
}

/** For changes made outside the app: every cached catalog page is read again from the database. */
export function refreshCatalog(viewer: Viewer | null, invalidate: () => void): CatalogAdminState {
  const admin = asAdmin(viewer);
  if (!admin) return REFUSED;
  invalidate();
  logger.info({ scope: "catalog", by: admin.verifiedEmail }, "catalog cache refreshed");
  return { status: "refreshed", message: "The catalog was refreshed: shoppers see the database's prices now." };
}
