import { formatDateTime } from "@/components/account/format";
import type { PaymentReversal, ReversalStatus } from "@/db/schema/reversals";
import { formatMoney } from "@/lib/money";
import { ReleaseReversalForm } from "./release-reversal-form";

const STATUS_LABELS: Record<ReversalStatus, { label: string; tone: string }> = {
  pending: { label: "awaiting Paymob", tone: "bg-amber-100 text-amber-900" },
  settled: { label: "confirmed by callback", tone: "bg-emerald-50 text-emerald-900" },
  released: { label: "released", tone: "bg-stone-100 text-stone-700" },
};

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
  if (reversals.length === 0) return null;
  return (
    <div className="mt-3">
      <h4 className="text-sm font-medium">Capture, refund and void requests</h4>
      <ol className="mt-1 space-y-2 text-sm">
        {reversals.map((r) => {
          const status = STATUS_LABELS[r.status];
          const unconfirmed = r.status === "pending" && r.childTransactionId === null && r.failureReason !== null;
          return (
            <li
              key={r.id}
              className="rounded border border-stone-200 p-2"
              data-testid="reversal"
              data-status={r.status}
            >
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium capitalize">{r.kind}</span>
                <span>{formatMoney(r.amountMinor, r.currency)}</span>
                <span className="text-stone-600">
                  of {authorisationIds.includes(r.paymobTransactionId) ? "authorisation" : "payment"}{" "}
                  <span className="font-mono text-xs">txn {r.paymobTransactionId}</span>
                </span>
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${status.tone}`}>{status.label}</span>
                <span className="text-stone-600">
                  by {r.requestedBy} · <time dateTime={r.createdAt.toISOString()}>{formatDateTime(r.createdAt)}</time>
                </span>
                {r.childTransactionId !== null ? (
                  <span className="font-mono text-xs">→ txn {r.childTransactionId}</span>
                ) : null}
              </div>
              {r.failureReason ? <p className="mt-1 text-stone-700">{r.failureReason}</p> : null}
              {unconfirmed ? (
                <>
                  <p className="mt-1 text-amber-900">
                    Paymob never confirmed this request; it may have happened.{" "}
                    {r.kind === "capture"
                      ? "No other capture or void of this authorisation can start meanwhile."
                      : "Its amount stays reserved."}
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
