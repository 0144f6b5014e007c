import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { carts, type Order } from "@/db/schema";
import { clearCart } from "@/lib/cart";

/** Money arrived (or is held on the card) for these: the customer must not be asked to buy the same things again. */
const MONEY_ARRIVED = new Set<Order["status"]>(["authorised", "paid", "needs_review"]);

/**
 * Empties the visitor's cart once their order is paid. Only the cart as it was checked out: if it changed after
 * the order was placed, it holds the next purchase and is left alone. Clearing touches the cart, so this runs
 * at most once however often the return page is reloaded.
 */
export async function clearCartOfPaidOrder(db: Db, order: Order, cartId: string | undefined): Promise<boolean> {
  if (!cartId || !MONEY_ARRIVED.has(order.status)) return false;
  const [cart] = await db.select({ updatedAt: carts.updatedAt }).from(carts).where(eq(carts.id, cartId));
  if (!cart || cart.updatedAt > order.createdAt) return false;
  await clearCart(db, cartId);
  console.info(`[checkout] order=${order.reference} paid: cart emptied`);
  return true;
}
