import "server-only";
import type { Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/session";
import { setProductPrice } from "@/lib/catalog/writes";
import { logger } from "@/lib/logger";
import { asAdmin } from "./guard";
import { NOT_ADMIN, type AdminNotice } from "./notices";
import { parsePriceForm } from "./price-form";

// The catalog side of /admin: set a product's price, or refresh the cached catalog after a change made straight
// in the database (a seed, a SQL fix). Like the order operations (operations.ts), each checks the caller
// itself, validates its input, and lets the data layer re-read the row. `invalidate` is the app's
// invalidateCatalog in production; tests pass a spy, since Next's updateTag runs only inside a Server Action.

export type CatalogAdminState =
  | { status: "idle" }
  | { status: "refused"; notice: AdminNotice }
  | { status: "invalid"; notice: AdminNotice }
  | { status: "failed"; notice: AdminNotice }
  | { status: "saved"; notice: AdminNotice }
  | { status: "refreshed"; notice: AdminNotice };

const REFUSED = { status: "refused", notice: NOT_ADMIN } as const;

export async function changeProductPrice(
  viewer: Viewer | null,
  db: Db,
  form: unknown,
  invalidate: () => void,
): Promise<CatalogAdminState> {
  const admin = asAdmin(viewer);
  if (!admin) return REFUSED;
  const input = parsePriceForm(form);
  if (!input.ok) return { status: "invalid", notice: input.notice };

  const result = await setProductPrice(db, { ...input, by: admin.verifiedEmail }).catch((error: unknown) => {
    logger.error({ scope: "catalog", productId: input.productId, err: error }, "price change failed");
    return null;
  });
  if (!result) return { status: "failed", notice: { code: "price_not_saved" } };
  if (!result.ok) {
    switch (result.error) {
      case "not_found":
        return { status: "invalid", notice: { code: "product_gone" } };
      case "currency_mismatch":
        return {
          status: "invalid",
          notice: { code: "currency_changed", productCurrency: result.productCurrency, formCurrency: input.currency },
        };
      case "invalid_input":
        return { status: "invalid", notice: { code: "form_incomplete", form: "price" } };
    }
  }
  // Also when the price was already that: the row may have been changed in the database directly, and then the
  // cached pages (and this admin's own list) still show the price from before.
  invalidate();
  const { product, oldPriceMinor, newPriceMinor, changed } = result;
  const price = { product: product.name, currency: product.currency, priceMinor: newPriceMinor };
  if (!changed) return { status: "saved", notice: { code: "price_unchanged", ...price } };
  return { status: "saved", notice: { code: "price_changed", ...price, oldPriceMinor } };
}

/** For changes made outside the app: every cached catalog page is read again from the database. */
export function refreshCatalog(viewer: Viewer | null, invalidate: () => void): CatalogAdminState {
  const admin = asAdmin(viewer);
  if (!admin) return REFUSED;
  invalidate();
  logger.info({ scope: "catalog", by: admin.verifiedEmail }, "catalog cache refreshed");
  return { status: "refreshed", notice: { code: "catalog_refreshed" } };
}
