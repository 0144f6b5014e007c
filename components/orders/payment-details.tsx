import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/** Who is looking: the demo (emulator) and staff want the payment story; a customer wants their order. */
export type DetailsAudience = { emulator: boolean; admin: boolean };

/** The payment timeline starts open only on the emulator (where it is the point of the demo) and for admins. */
export function paymentDetailsOpen({ emulator, admin }: DetailsAudience): boolean {
  return emulator || admin;
}

/**
 * The technical payment story (timeline, attempts, signatures) folded under the customer's page. A native
 * <details>: keyboard, screen readers and find-in-page work without script.
 */
export function PaymentDetails({ open, children }: { open: boolean; children: ReactNode }) {
  const t = useTranslations("orders.details");
  return (
    <details open={open} className="group rounded-2xl border border-brand-200 bg-white" data-testid="payment-details">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-4 rounded-2xl p-6 font-semibold [&::-webkit-details-marker]:hidden">
        <span>
          {t("title")}
          <span className="block text-sm font-normal text-muted">{t("subtitle")}</span>
        </span>
        <span aria-hidden="true" className="text-lg transition-transform group-open:rotate-180">
          ⌄
        </span>
      </summary>
      <div className="px-6 pb-6">{children}</div>
    </details>
  );
}
