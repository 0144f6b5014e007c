import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { cartLines, carts, products } from "@/db/schema";
import { storeCurrency } from "@/lib/store";
import { cartIdSchema } from "./schemas";
import { emptyCart, summarizeCart, type PricedLine } from "./summary";
import type { CartView } from "./types";

/** The cookie value, if it can be a cart id at all; a malformed one is treated as "no cart", never sent to SQL. */
export function validCartId(cartId: string | undefined): string | undefined {
  return cartIdSchema.safeParse(cartId).success ? cartId : undefined;
}

/**
 * The cart with every price and total recomputed from `products` right now; nothing about prices is stored on the
 * cart or trusted from the browser. A cart is charged in one currency, so a line whose product is priced in another
 * (the catalog was seeded for a different STORE_CURRENCY) is left out rather than added to a mismatched total.
 */
export async function loadCart(db: Db | Tx, cartId: string | undefined, currency = storeCurrency()): Promise<CartView> {
  const id = validCartId(cartId);
  if (!id) return emptyCart(currency);
  const rows = await db
    .select({
      cartId: carts.id,
      productId: products.id,
      slug: products.slug,
      name: products.name,
      image: products.image,
      unitPriceMinor: products.priceMinor,
      productCurrency: products.currency,
      quantity: cartLines.quantity,
    })
    .from(carts)
    .leftJoin(cartLines, eq(cartLines.cartId, carts.id))
    .leftJoin(products, eq(products.id, cartLines.productId))
    .where(eq(carts.id, id))
    .orderBy(asc(cartLines.addedAt), asc(products.id));
  if (rows.length === 0) return emptyCart(currency); // the cookie names a cart that no longer exists

  const lines: PricedLine[] = [];
  for (const row of rows) {
    if (row.productId === null || row.quantity === null) continue; // the left join's row for a cart with no lines
    if (row.productCurrency !== currency) {
      console.warn(`[cart] cart ${id}: skipping product ${row.productId} priced in ${row.productCurrency}, store currency is ${currency}`);
      continue;
    }
    const { productId, slug, name, image, unitPriceMinor, quantity } = row;
    if (slug === null || name === null || image === null || unitPriceMinor === null) continue;
    lines.push({ productId, slug, name, image, unitPriceMinor, quantity });
  }
  return summarizeCart(id, lines, currency);
}

/** Just the number of items, for the header badge on every page; counts exactly what loadCart would show. */
export async function countCartItems(db: Db, cartId: string | undefined, currency = storeCurrency()): Promise<number> {
  const id = validCartId(cartId);
  if (!id) return 0;
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${cartLines.quantity}), 0)::int` })
    .from(cartLines)
    .innerJoin(products, eq(products.id, cartLines.productId))
    .where(and(eq(cartLines.cartId, id), eq(products.currency, currency)));
  return row?.n ?? 0;
}
