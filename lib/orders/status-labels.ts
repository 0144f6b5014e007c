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

/** What a state means for the customer and what happens next, in their words (return page and account). */
export const ORDER_STATUS_NEXT: Record<OrderStatus, { meaning: string; next: string }> = {
  awaiting_payment: {
    meaning: "We are waiting for Paymob to confirm your payment.",
    next: "This usually takes a few seconds. Please do not pay again.",
  },
  authorised: {
    meaning: "Your card accepted the payment and the amount is held, but you have not been charged yet.",
    next: "We charge it when we confirm your order; if we cancel, the hold is released.",
  },
  paid: {
    meaning: "Thank you! Paymob confirmed your payment.",
    next: "We are preparing your order. Keep your order reference for any question about it.",
  },
  payment_failed: {
    meaning: "Your payment did not go through and you have not been charged.",
    next: "Your order is kept: you can try again, with the same card or another one.",
  },
  needs_review: {
    meaning: "We received a payment that does not match this order.",
    next: "We will check it and contact you; you do not need to do anything.",
  },
  partially_refunded: {
    meaning: "Part of this payment has been refunded to your card.",
    next: "Your bank may take a few days to show the refund.",
  },
  refunded: {
    meaning: "This payment has been refunded to your card.",
    next: "Your bank may take a few days to show the refund.",
  },
  voided: {
    meaning: "This payment was cancelled before it was charged.",
    next: "Nothing was taken from your card; your bank releases any hold.",
  },
};
