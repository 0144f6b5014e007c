import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { OrderStatus } from "@/db/schema/orders";
import type { PaymentReversal } from "@/db/schema/reversals";
import type { AuthorisationLedger, CaptureLedger } from "@/lib/admin/ledger";
import type { AdminAttempt } from "@/lib/admin/orders";
import { storeRegion } from "@/lib/store";
import { AuthorisationActions } from "./authorisation-actions";
import { adminFormats } from "./formats";
import { PaymentActions } from "./payment-actions";
import { ReversalList } from "./reversal-list";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-stone-600">{label}</dt>
      <dd className="break-all font-mono text-sm">
        <bdi>{children ?? "—"}</bdi>
      </dd>
    </div>
  );
}

function Money({
  title,
  txn,
  children,
  flagged,
}: {
  title: string;
  txn: ReactNode;
  children: ReactNode;
  flagged?: string;
}) {
  return (
    <li
      className={`rounded-md border p-3 ${flagged ? "border-orange-300 bg-orange-50" : "border-stone-200"}`}
      data-testid="payment-money"
    >
      <p className="text-sm font-medium">
        {title} <span className="font-mono text-xs text-stone-600">{txn}</span>
      </p>
      {flagged ? <p className="mt-1 text-sm text-orange-900">{flagged}</p> : null}
      {children}
    </li>
  );
}

/** The select value of admin.attempt.authorisation: what became of the hold. */
function authorisationState(a: AuthorisationLedger, pending: PaymentReversal | undefined): string {
  if (a.captured) return "captured";
  if (a.voided) return "voided";
  return pending ? "pending" : "held";
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
  const t = useTranslations("admin.attempt");
  const { money, dateTime } = adminFormats(useLocale(), storeRegion());
  if (attempts.length === 0) return <p className="text-sm text-stone-600">{t("none")}</p>;
  const txn = (id: number) => t.rich("txn", { id: String(id), bdi: (chunks) => <bdi>{chunks}</bdi> });
  const captureTitle = (c: CaptureLedger, currency: string) =>
    t(c.authorisationId === null ? "payment" : "capture", {
      amount: money(c.capturedMinor, currency),
      voided: c.voided ? "yes" : "no",
      refunded: money(c.refundedMinor, currency),
      refundable: money(c.refundableMinor, currency),
    });
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
              <h3 className="font-semibold">{t("heading", { number: index + 1, mode: attempt.mode })}</h3>
              <bdi className="rounded bg-stone-100 px-2 py-0.5 font-mono text-xs">{attempt.status}</bdi>
            </div>
            <dl className="mt-3 grid gap-3 sm:grid-cols-3">
              <Field label={t("intentionId")}>{attempt.intentionId}</Field>
              <Field label={t("specialReference")}>{attempt.specialReference}</Field>
              <Field label={t("paymobOrderId")}>{attempt.intentionOrderId}</Field>
              <Field label={t("paymobTransactionId")}>
                {ledger.capturedTransactionId ?? attempt.paymobTransactionId}
              </Field>
              <Field label={t("amount")}>{money(attempt.amountMinor, currency)}</Field>
              <Field label={t("captured")}>{ledger.capturedMinor ? money(ledger.capturedMinor, currency) : null}</Field>
              <Field label={t("refunded")}>{money(ledger.refundedMinor, currency)}</Field>
              <Field label={t("refundable")}>{money(refundableMinor, currency)}</Field>
              {reservedMinor > 0 ? <Field label={t("awaitingPaymob")}>{money(reservedMinor, currency)}</Field> : null}
              <Field label={t("created")}>
                <time dateTime={attempt.createdAt.toISOString()}>{dateTime(attempt.createdAt)}</time>
              </Field>
            </dl>
            {attempt.error ? (
              <p className="mt-3 text-sm text-red-800">
                {/* Paymob's or the network's own words, kept as received. */}
                {t.rich("error", { error: attempt.error, bdi: (chunks) => <bdi>{chunks}</bdi> })}
              </p>
            ) : null}
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
                    title={t("authorisation", {
                      amount: money(a.amountMinor, currency),
                      state: authorisationState(a, pendingOn(a.transactionId)[0]),
                      kind: pendingOn(a.transactionId)[0]?.kind ?? "",
                    })}
                    txn={txn(a.transactionId)}
                    flagged={a.extra && a.canVoid ? t("secondAuthorisation") : undefined}
                  >
                    {/* Always mounted: when the callback lands before the action returns, the buttons go but the
                        action's message must stay. */}
                    <AuthorisationActions
                      reference={reference}
                      attemptId={attempt.id}
                      transactionId={a.transactionId}
                      amountLabel={money(a.amountMinor, currency)}
                      canCapture={openHold(a) && capturable(a)}
                      canVoid={openHold(a) && a.canVoid}
                    />
                  </Money>
                ))}
                {ledger.captures.map((c) => (
                  <Money
                    key={`capture-${c.transactionId}`}
                    title={captureTitle(c, currency)}
                    txn={txn(c.transactionId)}
                    flagged={c.extra && c.refundableMinor > 0 ? t("secondCharge") : undefined}
                  >
                    {/* Always mounted, for the same reason. */}
                    <PaymentActions
                      reference={reference}
                      attemptId={attempt.id}
                      transactionId={c.transactionId}
                      currency={currency}
                      refundableLabel={money(refundableOf(c), currency)}
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
