import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Region, RegionTitle } from "@/components/ui/scoped-id";
import type { OrderStatus } from "@/db/schema/orders";

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
 * The order's state from the database, what it means and what happens next (messages "checkout.status", the
 * return page's copy of lib/orders/status-labels.ts in both languages). The live region announces the change
 * when polling lands it. The reference is Latin: it stays left to right inside Arabic text.
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
  const t = useTranslations("checkout");
  const look = LOOK[status];
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
            {t.rich("return.order", {
              reference,
              ref: (chunks) => (
                <bdi dir="ltr" className="font-semibold" data-testid="order-reference">
                  {chunks}
                </bdi>
              ),
            })}
          </p>
          <RegionTitle as="h1" className="text-3xl font-bold tracking-tight" data-testid="order-status">
            {t(`status.${status}.label`)}
          </RegionTitle>
          <p className="mt-1">{t(`status.${status}.meaning`)}</p>
          <p className="mt-1" data-testid="order-next-step">
            {t(`status.${status}.next`)}
          </p>
        </div>
      </div>
      {children}
    </Region>
  );
}
