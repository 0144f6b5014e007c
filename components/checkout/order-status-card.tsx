import type { ReactNode } from "react";
import type { OrderStatus } from "@/db/schema/orders";
import { ORDER_STATUS_LABELS } from "@/lib/orders/status-labels";

const COPY: Record<OrderStatus, { text: string; style: string; icon: string }> = {
  paid: {
    text: "Thank you! Paymob confirmed your payment and we are preparing your order.",
    style: "border-emerald-200 bg-emerald-50 text-emerald-950",
    icon: "✓",
  },
  payment_failed: {
    text: "Your payment did not go through and you have not been charged. You can try again.",
    style: "border-red-200 bg-red-50 text-red-950",
    icon: "✕",
  },
  awaiting_payment: {
    text: "We are waiting for Paymob to confirm your payment.",
    style: "border-amber-200 bg-amber-50 text-amber-950",
    icon: "…",
  },
  authorised: {
    text: "Your card accepted the payment and the amount is held, but you have not been charged yet. We charge it when we confirm your order; if we cancel, the hold is released.",
    style: "border-violet-200 bg-violet-50 text-violet-950",
    icon: "◔",
  },
  needs_review: {
    text: "We received a payment that does not match this order. We will check it and contact you.",
    style: "border-amber-200 bg-amber-50 text-amber-950",
    icon: "!",
  },
  partially_refunded: {
    text: "Part of this payment has been refunded to your card.",
    style: "border-stone-200 bg-stone-50 text-ink",
    icon: "↺",
  },
  refunded: {
    text: "This payment has been refunded to your card.",
    style: "border-stone-200 bg-stone-50 text-ink",
    icon: "↺",
  },
  voided: {
    text: "This payment was cancelled before it was charged.",
    style: "border-stone-200 bg-stone-50 text-ink",
    icon: "∅",
  },
};

/** The order's state from the database, in words. The live region announces the change when polling lands it. */
export function OrderStatusCard({
  status,
  reference,
  children,
}: {
  status: OrderStatus;
  reference: string;
  children?: ReactNode;
}) {
  const copy = COPY[status];
  return (
    <section
      className={`flex flex-col gap-4 rounded-2xl border p-6 ${copy.style}`}
      aria-labelledby="order-status-title"
    >
      <div className="flex items-start gap-4">
        <span
          aria-hidden="true"
          className="flex size-12 shrink-0 items-center justify-center rounded-full bg-white/70 text-2xl font-bold"
        >
          {copy.icon}
        </span>
        <div aria-live="polite" aria-atomic="true">
          <p className="text-sm">
            Order{" "}
            <span className="font-semibold" data-testid="order-reference">
              {reference}
            </span>
          </p>
          <h1 id="order-status-title" className="text-3xl font-bold tracking-tight" data-testid="order-status">
            {ORDER_STATUS_LABELS[status]}
          </h1>
          <p className="mt-1">{copy.text}</p>
        </div>
      </div>
      {children}
    </section>
  );
}
