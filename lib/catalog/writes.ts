import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { products } from "@/db/schema";
import { logger } from "@/lib/logger";
import { CURRENCY_CODE, MAX_PRICE_MINOR } from "./price-rules";

// Every write to `products` and `categories` outside the seed. The reads stay in queries.ts; after a write here
// succeeds, the caller invalidates the cached catalog (lib/catalog/invalidate.ts), which needs a Server Action
// and so cannot happen in this module.

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(120);

const priceChange = z.object({
  priceMinor: z.number().int().positive().max(MAX_PRICE_MINOR),
  /** The currency the caller thinks the product is priced in; a mismatch is refused, never converted. */
  currency: z.string().regex(CURRENCY_CODE),
  /** Who asked, for the log: an admin's email, or a script's name. */
  by: z.string().trim().min(1).max(320),
});

const setProductPriceInput = z.union([
  priceChange.extend({ productId: z.number().int().positive(), slug: z.undefined().optional() }),
  priceChange.extend({ slug, productId: z.undefined().optional() }),
]);
export type SetProductPriceInput = z.input<typeof setProductPriceInput>;

type ChangedProduct = { id: number; slug: string; name: string; currency: string };

export type SetProductPriceResult =
  | { ok: true; product: ChangedProduct; oldPriceMinor: number; newPriceMinor: number; changed: boolean }
  | { ok: false; error: "invalid_input"; issues: string[] }
  | { ok: false; error: "not_found" }
  /** The product is priced in `productCurrency`; changing a product's currency is not a price change. */
  | { ok: false; error: "currency_mismatch"; productCurrency: string };

/**
 * Gives one product a new price. The row is locked (SELECT … FOR UPDATE) for the transaction, so two changes
 * at once queue up: each sees and logs the price the other left, and neither is lost without a trace. Carts
 * and checkout read the price from this row at every view (lib/cart/queries.ts), so nothing else is updated.
 */
export async function setProductPrice(db: Db, input: SetProductPriceInput): Promise<SetProductPriceResult> {
  const parsed = setProductPriceInput.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: "invalid_input",
      issues: parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`),
    };
  }
  const { priceMinor, currency, by } = parsed.data;
  const where =
    parsed.data.productId !== undefined ? eq(products.id, parsed.data.productId) : eq(products.slug, parsed.data.slug);

  const result = await db.transaction(async (tx): Promise<SetProductPriceResult> => {
    const [row] = await tx
      .select({
        id: products.id,
        slug: products.slug,
        name: products.name,
        currency: products.currency,
        priceMinor: products.priceMinor,
      })
      .from(products)
      .where(where)
      .for("update");
    if (!row) return { ok: false, error: "not_found" };
    if (row.currency !== currency) return { ok: false, error: "currency_mismatch", productCurrency: row.currency };
    const { priceMinor: oldPriceMinor, ...product } = row;
    const changed = oldPriceMinor !== priceMinor;
    if (changed) await tx.update(products).set({ priceMinor }).where(eq(products.id, row.id));
    return { ok: true, product, oldPriceMinor, newPriceMinor: priceMinor, changed };
  });

  if (result.ok) {
    // Logged after the commit, so the log never reports a change that was rolled back.
    logger.info(
      {
        scope: "catalog",
        productId: result.product.id,
        slug: result.product.slug,
        currency: result.product.currency,
        oldPriceMinor: result.oldPriceMinor,
        newPriceMinor: result.newPriceMinor,
        by,
      },
      result.changed ? "product price changed" : "product price unchanged (same price)",
    );
  }
  return result;
}
