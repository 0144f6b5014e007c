import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { PaymentReversal, ReversalStatus } from "@/db/schema/reversals";
import { storeRegion } from "@/lib/store";
import { adminFormats } from "./formats";
import { ReleaseReversalForm } from "./release-reversal-form";

const STATUS_TONES: Record<ReversalStatus, string> = {
  pending: "bg-amber-100 text-amber-900",
  settled: "bg-emerald-50 text-emerald-900",
  released: "bg-stone-100 text-stone-700",
};

const bdi = (chunks: ReactNode) => <bdi>{chunks}</bdi>;

type Props = {
  reference: string;
  reversals: PaymentReversal[];
  /** The attempt's authorisations (is_auth), to name what each request is on. */
  authorisationIds: number[];
};

/**
 * The captures, refunds and voids asked for on one attempt's payments. Pending ones hold their amount (or their
 * authorisation): nothing that conflicts can be asked until Paymob's callback settles them, or until an admin
 * releases one Paymob never confirmed.
 */
export function ReversalList({ reference, reversals, authorisationIds }: Props) {
  const t = useTranslations("admin.reversals");
  const ta = useTranslations("admin.attempt");
  const { money, dateTime } = adminFormats(useLocale(), storeRegion());
  if (reversals.length === 0) return null;
  return (
    <div className="mt-3">
      <h4 className="text-sm font-medium">{t("heading")}</h4>
      <ol className="mt-1 space-y-2 text-sm">
        {reversals.map((r) => {
          const unconfirmed = r.status === "pending" && r.childTransactionId === null && r.failureReason !== null;
          return (
            <li
              key={r.id}
              className="rounded border border-stone-200 p-2"
              data-testid="reversal"
              data-status={r.status}
            >
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{t("kind", { kind: r.kind })}</span>
                <span>{money(r.amountMinor, r.currency)}</span>
                <span className="text-stone-600">
                  {t("of", {
                    target: authorisationIds.includes(r.paymobTransactionId) ? "authorisation" : "payment",
                  })}{" "}
                  <span className="font-mono text-xs">
                    {ta.rich("txn", { id: String(r.paymobTransactionId), bdi })}
                  </span>
                </span>
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_TONES[r.status]}`}>
                  {t(r.status)}
                </span>
                <span className="text-stone-600">
                  {t.rich("by", { email: r.requestedBy, bdi })} ·{" "}
                  <time dateTime={r.createdAt.toISOString()}>{dateTime(r.createdAt)}</time>
                </span>
                {r.childTransactionId !== null ? (
                  <span className="font-mono text-xs">
                    {/* The arrow points from the request to what Paymob created: forwards in either direction. */}
                    <span className="inline-block rtl:-scale-x-100" aria-hidden="true">
                      →
                    </span>{" "}
                    {ta.rich("txn", { id: String(r.childTransactionId), bdi })}
                  </span>
                ) : null}
              </div>
              {/* Why Paymob refused it or who released it, as recorded (lib/admin/send-reversal.ts): a log, in English. */}
              {r.failureReason ? (
                <p className="mt-1 text-stone-700" dir="ltr" lang="en">
                  {r.failureReason}
                </p>
              ) : null}
              {unconfirmed ? (
                <>
                  <p className="mt-1 text-amber-900">
                    {t("unconfirmed")} {r.kind === "capture" ? t("heldCapture") : t("heldAmount")}
                  </p>
                  <ReleaseReversalForm reference={reference} reversalId={r.id} />
                </>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
