import "server-only";
import type { Db, Tx } from "@/db/client";
import type { OrderStatus } from "@/db/schema/orders";
import { clearCartCheckedOutBy } from "@/lib/cart";
import { logger } from "@/lib/logger";
import { MONEY_ARRIVED_ORDER_STATUSES, UNPAID_ORDER_STATUSES } from "./statuses";

/**
 * Empties the cart an order was checked out from when money first arrives for it. lib/payments calls this in
 * the transaction that moves the order (callback, inquiry or replay alike), so no page render has to write and
 * the return page never shows "Paid" beside a full cart. Only the cart as it was checked out: if it changed
 * after the order was placed, it holds the next purchase and is left alone.
 */
export async function clearCartOfPaidOrder(
  db: Db | Tx,
  change: { orderId: string; from: OrderStatus; to: OrderStatus },
): Promise<boolean> {
  if (!UNPAID_ORDER_STATUSES.has(change.from) || !MONEY_ARRIVED_ORDER_STATUSES.has(change.to)) return false;
  const cleared = await clearCartCheckedOutBy(db, change.orderId);
  if (!cleared) return false;
  logger.info({ scope: "checkout", ...cleared }, "paid: cart emptied");
  return true;
}
