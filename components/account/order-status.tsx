import type { OrderStatus } from "@/db/schema/orders";
import { useTranslations } from "next-intl";

const TONES: Record<OrderStatus, string> = {
  awaiting_payment: "bg-amber-50 text-amber-900 ring-amber-200",
  authorised: "bg-violet-50 text-violet-900 ring-violet-200",
  paid: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  payment_failed: "bg-red-50 text-red-900 ring-red-200",
  needs_review: "bg-orange-50 text-orange-900 ring-orange-200",
  partially_refunded: "bg-sky-50 text-sky-900 ring-sky-200",
  refunded: "bg-stone-100 text-stone-800 ring-stone-300",
  voided: "bg-stone-100 text-stone-800 ring-stone-300",
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const t = useTranslations("orders.status");
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[status]}`}
    >
      {t(status)}
    </span>
  );
}
