import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { cartLines, carts, products } from "@/db/schema";
import { storeCurrency } from "@/lib/store";
import { loadCart, validCartId } from "./queries";
import { addToCartInput, removeFromCartInput, setQuantityInput } from "./schemas";
import { MAX_LINE_QUANTITY } from "./limits";
import type { CartErrorCode, CartResult } from "./types";

// The data layer behind the cart's server actions. Each function takes the cart id from the caller (the cookie, in
// the app), validates the raw input itself and answers with the recomputed cart, so it is testable without Next.

/** Adds `quantity` (default 1) of a product, creating the cart when `cartId` is missing or stale. Caps the line at 99. */
export async function addItem(db: Db, cartId: string | undefined, input: unknown, currency = storeCurrency()): Promise<CartResult> {
  const parsed = addToCartInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { productId, quantity } = parsed.data;

  const [product] = await db.select({ currency: products.currency }).from(products).where(eq(products.id, productId));
  if (!product) return failure("product_not_found", "That product is no longer available.");
  if (product.currency !== currency) return failure("product_unavailable", `That product can't be bought in ${currency}.`);

  const id = await db.transaction(async (tx) => {
    const id = await ensureCart(tx, cartId);
    await tx
      .insert(cartLines)
      .values({ cartId: id, productId, quantity })
      .onConflictDoUpdate({
        target: [cartLines.cartId, cartLines.productId],
        // Atomic in the database, so two quick clicks both count; the cap keeps it within the CHECK constraint.
        set: { quantity: sql`least(${cartLines.quantity} + excluded.quantity, ${MAX_LINE_QUANTITY})` },
      });
    return id;
  });
  return { ok: true, cart: await loadCart(db, id, currency) };
}

/** Sets a line to an exact quantity (1..99). Absolute rather than +1/−1, so replays and rapid clicks converge. */
export async function setItemQuantity(db: Db, cartId: string | undefined, input: unknown, currency = storeCurrency()): Promise<CartResult> {
  const parsed = setQuantityInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const id = validCartId(cartId);
  if (!id) return notInCart();
  const { productId, quantity } = parsed.data;

  const updated = await db
    .update(cartLines)
    .set({ quantity })
    .where(and(eq(cartLines.cartId, id), eq(cartLines.productId, productId)))
    .returning({ productId: cartLines.productId });
  if (updated.length === 0) return notInCart();
  await touchCart(db, id);
  return { ok: true, cart: await loadCart(db, id, currency) };
}

/** Removes a line. Removing what is already gone succeeds, so a double click or a retry is harmless. */
export async function removeItem(db: Db, cartId: string | undefined, input: unknown, currency = storeCurrency()): Promise<CartResult> {
  const parsed = removeFromCartInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const id = validCartId(cartId);
  if (!id) return { ok: true, cart: await loadCart(db, undefined, currency) };

  await db.delete(cartLines).where(and(eq(cartLines.cartId, id), eq(cartLines.productId, parsed.data.productId)));
  await touchCart(db, id);
  return { ok: true, cart: await loadCart(db, id, currency) };
}

/** Empties a cart (after an order is placed). Takes a transaction so checkout can do it atomically with the order. */
export async function clearCart(db: Db | Tx, cartId: string): Promise<void> {
  const id = validCartId(cartId);
  if (!id) return;
  await db.delete(cartLines).where(eq(cartLines.cartId, id));
  await db.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, id));
}

/** The cart to write to: the caller's, if it still exists, otherwise a new one. */
async function ensureCart(tx: Tx, cartId: string | undefined): Promise<string> {
  const existing = validCartId(cartId);
  if (existing) {
    const [row] = await tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, existing)).returning({ id: carts.id });
    if (row) return row.id;
  }
  const [created] = await tx.insert(carts).values({}).returning({ id: carts.id });
  if (!created) throw new Error("insert into carts returned no row");
  return created.id;
}

async function touchCart(db: Db, id: string): Promise<void> {
  await db.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, id));
}

function failure(code: CartErrorCode, message: string): CartResult {
  return { ok: false, error: { code, message } };
}

function notInCart(): CartResult {
  return failure("not_in_cart", "That item is no longer in your cart.");
}

function invalidInput(error: z.ZodError): CartResult {
  return failure("invalid_input", error.issues[0]?.message ?? "Please check the quantity and try again.");
}
