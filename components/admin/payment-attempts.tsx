import type { ReactNode } from "react";
import { formatDateTime } from "@/components/account/format";
import { toMajorString } from "@/lib/admin/amount";
import type { AdminAttempt } from "@/lib/admin/orders";
import { formatMoney } from "@/lib/money";
import { PaymentActions } from "./payment-actions";
import { ReversalList } from "./reversal-list";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-stone-500">{label}</dt>
      <dd className="break-all font-mono text-sm">{children ?? "—"}</dd>
    </div>
  );
}

/** Every payment attempt of an order, with its money ledger and the refund/void controls where they apply. */
export function PaymentAttempts({ reference, attempts }: { reference: string; attempts: AdminAttempt[] }) {
  if (attempts.length === 0) return <p className="text-sm text-stone-600">No payment attempts.</p>;
  return (
    <ol className="space-y-4">
      {attempts.map((attempt, index) => {
        const { ledger, currency } = attempt;
        // Requests awaiting Paymob hold their amount (the server re-checks this under a lock on every request).
        const pending = attempt.reversals.filter((r) => r.status === "pending");
        const reservedMinor = pending.reduce((sum, r) => sum + r.amountMinor, 0);
        const refundableMinor = Math.max(0, ledger.refundableMinor - reservedMinor);
        return (
          <li key={attempt.id} className="rounded-md border border-stone-200 bg-white p-4" data-testid="payment-attempt">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="font-semibold">
                Attempt {index + 1} · {attempt.mode}
              </h3>
              <span className="rounded bg-stone-100 px-2 py-0.5 font-mono text-xs">{attempt.status}</span>
            </div>
            <dl className="mt-3 grid gap-3 sm:grid-cols-3">
              <Field label="Intention id">{attempt.intentionId}</Field>
              <Field label="Special reference">{attempt.specialReference}</Field>
              <Field label="Paymob order id">{attempt.intentionOrderId}</Field>
              <Field label="Paymob transaction id">{ledger.capturedTransactionId ?? attempt.paymobTransactionId}</Field>
              <Field label="Amount">{formatMoney(attempt.amountMinor, currency)}</Field>
              <Field label="Captured">{ledger.capturedMinor ? formatMoney(ledger.capturedMinor, currency) : null}</Field>
              <Field label="Refunded">{formatMoney(ledger.refundedMinor, currency)}</Field>
              <Field label="Refundable">{formatMoney(refundableMinor, currency)}</Field>
              {reservedMinor > 0 ? <Field label="Awaiting Paymob">{formatMoney(reservedMinor, currency)}</Field> : null}
              <Field label="Created">{formatDateTime(attempt.createdAt)}</Field>
            </dl>
            {attempt.error ? <p className="mt-3 text-sm text-red-800">Error: {attempt.error}</p> : null}
            <ReversalList reference={reference} reversals={attempt.reversals} />
            {ledger.capturedTransactionId !== null ? (
              <PaymentActions
                reference={reference}
                attemptId={attempt.id}
                currency={currency}
                refundable={refundableMinor > 0 ? toMajorString(refundableMinor, currency) : ""}
                refundableLabel={formatMoney(refundableMinor, currency)}
                canRefund={refundableMinor > 0}
                canVoid={ledger.canVoid && pending.length === 0}
              />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
