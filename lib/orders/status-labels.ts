import type { OrderStatus } from "@/db/schema/orders";

/** Customer-facing names for order states; the one place they are spelled, so every page agrees. */
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  awaiting_payment: "Awaiting payment",
  authorised: "Payment authorised, not yet charged",
  paid: "Paid",
  payment_failed: "Payment failed",
  needs_review: "Needs review",
  partially_refunded: "Partially refunded",
  refunded: "Refunded",
  voided: "Voided",
};

export function orderStatusLabel(status: string): string {
  return ORDER_STATUS_LABELS[status as OrderStatus] ?? status.replaceAll("_", " ");
}
