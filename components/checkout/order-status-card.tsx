import type { ReactNode } from "react";
import type { OrderStatus } from "@/db/schema/orders";
import { ORDER_STATUS_LABELS, ORDER_STATUS_NEXT } from "@/lib/orders/status-labels";
import { Region, RegionTitle } from "@/components/ui/scoped-id";

const LOOK: Record<OrderStatus, { style: string; icon: string }> = {
  paid: { style: "border-emerald-200 bg-emerald-50 text-emerald-950", icon: "✓" },
  payment_failed: { style: "border-red-200 bg-red-50 text-red-950", icon: "✕" },
  awaiting_payment: { style: "border-amber-200 bg-amber-50 text-amber-950", icon: "…" },
  authorised: { style: "border-violet-200 bg-violet-50 text-violet-950", icon: "◔" },
  needs_review: { style: "border-amber-200 bg-amber-50 text-amber-950", icon: "!" },
  partially_refunded: { style: "border-stone-200 bg-stone-50 text-ink", icon: "↺" },
  refunded: { style: "border-stone-200 bg-stone-50 text-ink", icon: "↺" },
  voided: { style: "border-stone-200 bg-stone-50 text-ink", icon: "∅" },
};

/**
 * The order's state from the database, what it means and what happens next. The live region announces the change
 * when polling lands it.
 */
export function OrderStatusCard({
  status,
  reference,
  children,
}: {
  status: OrderStatus;
  reference: string;
  children?: ReactNode;
}) {
  const look = LOOK[status];
  const copy = ORDER_STATUS_NEXT[status];
  return (
    <Region className={`flex flex-col gap-4 rounded-2xl border p-6 ${look.style}`}>
      <div className="flex items-start gap-4">
        <span
          aria-hidden="true"
          className="flex size-12 shrink-0 items-center justify-center rounded-full bg-white/70 text-2xl font-bold"
        >
          {look.icon}
        </span>
        <div aria-live="polite" aria-atomic="true">
          <p className="text-sm">
            Order{" "}
            <span className="font-semibold" data-testid="order-reference">
              {reference}
            </span>
          </p>
          <RegionTitle as="h1" className="text-3xl font-bold tracking-tight" data-testid="order-status">
            {ORDER_STATUS_LABELS[status]}
          </RegionTitle>
          <p className="mt-1">{copy.meaning}</p>
          <p className="mt-1" data-testid="order-next-step">
            {copy.next}
          </p>
        </div>
      </div>
      {children}
    </Region>
  );
}
