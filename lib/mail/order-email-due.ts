import type { OrderEmailKind } from "@/db/schema/order-emails";
import type { OrderStatus } from "@/db/schema/orders";

/** The email a recorded move of an order owes its customer, keyed by event (see db/schema/order-emails.ts). */
export type OrderEmailDue = { kind: OrderEmailKind; eventKey: string; amountMinor: number | null };

export type OrderMove = {
  from: OrderStatus;
  to: OrderStatus;
  /** The order's refunded total before the move. */
  refundedBefore: number;
  /** The refunded total the move sets, when it sets one. */
  refundedAfter?: number;
};

/**
 * Which email a move owes, or null. Pure, so the rule is tested on its own; lib/payments stores the answer in
 * the statement that moves the order. "Confirmed" once, when the order first becomes paid (a capture of an
 * authorisation included); "refund issued" whenever the refunded total rises, keyed by that total.
 */
export function orderEmailDue(move: OrderMove): OrderEmailDue | null {
  if (move.to === "paid" && move.from !== "paid") return { kind: "order_confirmed", eventKey: "", amountMinor: null };
  const after = move.refundedAfter;
  if (
    after !== undefined &&
    after > move.refundedBefore &&
    (move.to === "refunded" || move.to === "partially_refunded")
  )
    return { kind: "refund_issued", eventKey: String(after), amountMinor: after - move.refundedBefore };
  return null;
}
