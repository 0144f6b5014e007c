import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { preparedStatement } from "@/db/prepared-statement";
import { cartLines, carts, orders, products, productTranslations } from "@/db/schema";
import type { CatalogLocale } from "@/lib/catalog/types";
import { logger } from "@/lib/logger";
import { storeCurrency } from "@/lib/store";
import { MAX_LINE_QUANTITY } from "./limits";
import { validCartId } from "./schemas";
import { emptyCart, summarizeCart, type PricedLine } from "./summary";
import type { CartView } from "./types";

// Every statement on `carts` and `cart_lines`. The rules around them (input validation, the shopper's messages) are
// in ./mutations; the totals in ./summary. A function here that takes a cookie value checks it with validCartId
// first, so a malformed id never reaches SQL.

/**
 * The cart with every price and total recomputed from `products` right now; nothing about prices is stored on the
 * cart or trusted from the browser. A cart is charged in one currency, so a line whose product is priced in another
 * (the catalog was seeded for a different STORE_CURRENCY) is left out rather than added to a mismatched total.
 */
export async function loadCart(
  db: Db | Tx,
  cartId: string | undefined,
  currency = storeCurrency(),
  locale: CatalogLocale = "en",
): Promise<CartView> {
  const id = validCartId(cartId);
  if (!id) return emptyCart(currency);
  const rows = await db
    .select({
      cartId: carts.id,
      productId: products.id,
      slug: products.slug,
      // The product named in the shopper's language (the translation, else the English row); what is charged and
      // what the order records come from the product row either way.
      name: sql<string | null>`coalesce(nullif(btrim(${productTranslations.name}), ''), ${products.name})`,
      image: products.image,
      unitPriceMinor: products.priceMinor,
      productCurrency: products.currency,
      quantity: cartLines.quantity,
    })
    .from(carts)
    .leftJoin(cartLines, eq(cartLines.cartId, carts.id))
    .leftJoin(products, eq(products.id, cartLines.productId))
    .leftJoin(
      productTranslations,
      and(eq(productTranslations.productId, products.id), eq(productTranslations.locale, locale)),
    )
    .where(eq(carts.id, id))
    .orderBy(asc(cartLines.addedAt), asc(products.id));
  if (rows.length === 0) return emptyCart(currency); // the cookie names a cart that no longer exists

  const lines: PricedLine[] = [];
  for (const row of rows) {
    if (row.productId === null || row.quantity === null) continue; // the left join's row for a cart with no lines
    if (row.productCurrency !== currency) {
      logger.warn(
        {
          scope: "cart",
          cartId: id,
          productId: row.productId,
          productCurrency: row.productCurrency,
          storeCurrency: currency,
        },
        "skipping a product priced in another currency",
      );
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

/**
 * Adds `quantity` of a product to the caller's cart, or to a new one when `cartId` is missing or stale, and returns
 * the cart's id. The line is capped at MAX_LINE_QUANTITY.
 */
export async function addLine(
  db: Db,
  cartId: string | undefined,
  line: { productId: number; quantity: number },
): Promise<string> {
  return db.transaction(async (tx) => {
    const id = await ensureCart(tx, cartId);
    await tx
      .insert(cartLines)
      .values({ cartId: id, productId: line.productId, quantity: line.quantity })
      .onConflictDoUpdate({
        target: [cartLines.cartId, cartLines.productId],
        // Atomic in the database, so two quick clicks both count; the cap keeps it within the CHECK constraint.
        set: { quantity: sql`least(${cartLines.quantity} + excluded.quantity, ${MAX_LINE_QUANTITY})` },
      });
    return id;
  });
}

/** Sets a line's quantity; false when the cart has no such line (nothing is written then). */
export async function setLineQuantity(
  db: Db,
  cartId: string,
  line: { productId: number; quantity: number },
): Promise<boolean> {
  const updated = await db
    .update(cartLines)
    .set({ quantity: line.quantity })
    .where(and(eq(cartLines.cartId, cartId), eq(cartLines.productId, line.productId)))
    .returning({ productId: cartLines.productId });
  if (updated.length === 0) return false;
  await touchCart(db, cartId);
  return true;
}

export async function deleteLine(db: Db, cartId: string, productId: number): Promise<void> {
  await db.delete(cartLines).where(and(eq(cartLines.cartId, cartId), eq(cartLines.productId, productId)));
  await touchCart(db, cartId);
}

/** Empties a cart (after an order is placed). Takes a transaction so checkout can do it atomically with the order. */
export async function clearCart(db: Db | Tx, cartId: string): Promise<void> {
  const id = validCartId(cartId);
  if (!id) return;
  await db.delete(cartLines).where(eq(cartLines.cartId, id));
  await touchCart(db, id);
}

const orderId = sql.placeholder("orderId");

/**
 * Empties the cart an order was checked out from, and marks it changed, unless it changed after the order was
 * placed (then it holds the next purchase). One named prepared statement: it runs inside the paying callback's
 * transaction, under the order's lock, where three builder queries (order, cart, delete + touch) each cost a
 * round trip and Drizzle's query building (scripts/bench/callbacks.ts). The touch makes a second clear, or a
 * later callback's, leave the cart alone.
 */
const CLEAR_CHECKED_OUT_CART = preparedStatement<{ orderReference: string; cartId: string }>("cart_clear_checked_out", {
  steps: {
    target: sql`select ${orders.reference} as reference, ${carts.id} as cart_id
        from ${orders} inner join ${carts} on ${carts.id} = ${orders.cartId}
        where ${orders.id} = ${orderId} and ${carts.updatedAt} <= ${orders.createdAt}`,
    cleared: sql`delete from ${cartLines} where ${cartLines.cartId} in (select cart_id from target)`,
  },
  query: sql`update ${carts} set updated_at = now() from target where ${carts.id} = target.cart_id
      returning target.reference as "orderReference", ${carts.id} as "cartId"`,
  columns: ["orderReference", "cartId"],
});

/** Empties the cart `orderId` was checked out from if it is unchanged since; what it emptied, if anything. */
export async function clearCartCheckedOutBy(
  db: Db | Tx,
  id: string,
): Promise<{ orderReference: string; cartId: string } | undefined> {
  const [row] = await CLEAR_CHECKED_OUT_CART(db, { orderId: id });
  return row;
}

/** The cart to write to: the caller's, if it still exists, otherwise a new one. */
async function ensureCart(tx: Tx, cartId: string | undefined): Promise<string> {
  const existing = validCartId(cartId);
  if (existing && (await touchCart(tx, existing))) return existing;
  const [created] = await tx.insert(carts).values({}).returning({ id: carts.id });
  if (!created) throw new Error("insert into carts returned no row");
  return created.id;
}

/** Marks the cart as changed now; false when there is no such cart. */
async function touchCart(db: Db | Tx, id: string): Promise<boolean> {
  const rows = await db
    .update(carts)
    .set({ updatedAt: new Date() })
    .where(eq(carts.id, id))
    .returning({ id: carts.id });
  return rows.length > 0;
}
