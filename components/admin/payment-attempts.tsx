import type { ReactNode } from "react";
import { formatDateTime } from "@/components/account/format";
import type { OrderStatus } from "@/db/schema/orders";
import type { PaymentReversal } from "@/db/schema/reversals";
import type { AuthorisationLedger, CaptureLedger } from "@/lib/admin/ledger";
import type { AdminAttempt } from "@/lib/admin/orders";
import { formatMoney } from "@/lib/money";
import { AuthorisationActions } from "./authorisation-actions";
import { PaymentActions } from "./payment-actions";
import { ReversalList } from "./reversal-list";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-stone-600">{label}</dt>
      <dd className="break-all font-mono text-sm">{children ?? "—"}</dd>
    </div>
  );
}

function Money({
  title,
  transactionId,
  children,
  flagged,
}: {
  title: string;
  transactionId: number;
  children: ReactNode;
  flagged?: string;
}) {
  return (
    <li
      className={`rounded-md border p-3 ${flagged ? "border-orange-300 bg-orange-50" : "border-stone-200"}`}
      data-testid="payment-money"
    >
      <p className="text-sm font-medium">
        {title} <span className="font-mono text-xs text-stone-600">txn {transactionId}</span>
      </p>
      {flagged ? <p className="mt-1 text-sm text-orange-900">{flagged}</p> : null}
      {children}
    </li>
  );
}

function authorisationState(a: AuthorisationLedger, pending: PaymentReversal | undefined): string {
  if (a.captured) return "captured";
  if (a.voided) return "voided: the hold was released";
  if (pending) return `held on the card, ${pending.kind} requested, awaiting Paymob`;
  return "held on the card, not charged";
}

function captureState(c: CaptureLedger, currency: string): string {
  if (c.voided) return "voided";
  return `refunded ${formatMoney(c.refundedMinor, currency)} · refundable ${formatMoney(c.refundableMinor, currency)}`;
}

/** Every payment attempt of an order: each authorisation and each capture Paymob reported, with the actions that apply. */
export function PaymentAttempts({
  reference,
  orderStatus,
  attempts,
}: {
  reference: string;
  orderStatus: OrderStatus;
  attempts: AdminAttempt[];
}) {
  if (attempts.length === 0) return <p className="text-sm text-stone-600">No payment attempts.</p>;
  return (
    <ol className="space-y-4">
      {attempts.map((attempt, index) => {
        const { ledger, currency } = attempt;
        // The same rule requestCapture enforces: only an order awaiting capture, for exactly what it asked.
        const capturable = (a: AuthorisationLedger) =>
          a.canCapture && orderStatus === "authorised" && a.amountMinor === attempt.amountMinor;
        // Requests awaiting Paymob hold their amount, or their authorisation (the server re-checks this under a
        // lock on every request).
        const pendingOn = (transactionId: number) =>
          attempt.reversals.filter((r) => r.status === "pending" && r.paymobTransactionId === transactionId);
        const refundableOf = (c: CaptureLedger) =>
          Math.max(0, c.refundableMinor - pendingOn(c.transactionId).reduce((sum, r) => sum + r.amountMinor, 0));
        const reservedMinor = ledger.captures
          .flatMap((c) => pendingOn(c.transactionId))
          .reduce((sum, r) => sum + r.amountMinor, 0);
        const openHold = (a: AuthorisationLedger) => pendingOn(a.transactionId).length === 0;
        const primary = ledger.captures.find((c) => c.transactionId === ledger.capturedTransactionId);
        const refundableMinor = primary ? refundableOf(primary) : 0;
        return (
          <li
            key={attempt.id}
            className="rounded-md border border-stone-200 bg-white p-4"
            data-testid="payment-attempt"
          >
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
              <Field label="Captured">
                {ledger.capturedMinor ? formatMoney(ledger.capturedMinor, currency) : null}
              </Field>
              <Field label="Refunded">{formatMoney(ledger.refundedMinor, currency)}</Field>
              <Field label="Refundable">{formatMoney(refundableMinor, currency)}</Field>
              {reservedMinor > 0 ? <Field label="Awaiting Paymob">{formatMoney(reservedMinor, currency)}</Field> : null}
              <Field label="Created">{formatDateTime(attempt.createdAt)}</Field>
            </dl>
            {attempt.error ? <p className="mt-3 text-sm text-red-800">Error: {attempt.error}</p> : null}
            <ReversalList
              reference={reference}
              reversals={attempt.reversals}
              authorisationIds={ledger.authorisations.map((a) => a.transactionId)}
            />
            {ledger.authorisations.length + ledger.captures.length > 0 ? (
              <ul className="mt-3 space-y-2">
                {ledger.authorisations.map((a) => (
                  <Money
                    key={`auth-${a.transactionId}`}
                    title={`Authorisation of ${formatMoney(a.amountMinor, currency)}: ${authorisationState(a, pendingOn(a.transactionId)[0])}`}
                    transactionId={a.transactionId}
                    flagged={
                      a.extra && a.canVoid
                        ? "A second authorisation on this order: void it to release the customer's money."
                        : undefined
                    }
                  >
                    {/* Always mounted: when the callback lands before the action returns, the buttons go but the
                        action's message must stay. */}
                    <AuthorisationActions
                      reference={reference}
                      attemptId={attempt.id}
                      transactionId={a.transactionId}
                      amountLabel={formatMoney(a.amountMinor, currency)}
                      canCapture={openHold(a) && capturable(a)}
                      canVoid={openHold(a) && a.canVoid}
                    />
                  </Money>
                ))}
                {ledger.captures.map((c) => (
                  <Money
                    key={`capture-${c.transactionId}`}
                    title={`${c.authorisationId === null ? "Payment" : "Capture"} of ${formatMoney(c.capturedMinor, currency)}: ${captureState(c, currency)}`}
                    transactionId={c.transactionId}
                    flagged={
                      c.extra && c.refundableMinor > 0
                        ? "Second charge: the customer paid this order twice. Refund this capture."
                        : undefined
                    }
                  >
                    {/* Always mounted, for the same reason. */}
                    <PaymentActions
                      reference={reference}
                      attemptId={attempt.id}
                      transactionId={c.transactionId}
                      currency={currency}
                      refundableLabel={formatMoney(refundableOf(c), currency)}
                      canRefund={refundableOf(c) > 0}
                      canVoid={c.canVoid && pendingOn(c.transactionId).length === 0}
                    />
                  </Money>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
