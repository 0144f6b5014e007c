"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef } from "react";
import { refundAction, voidAction } from "@/lib/admin/actions";
import { ActionButton } from "./action-button";
import { ActionMessage, IDLE } from "./action-message";
import { ConfirmStep } from "./confirm-step";
import { TransactionFields, type TransactionRef } from "./transaction-fields";

type Props = TransactionRef & {
  currency: string;
  refundableLabel: string;
  canRefund: boolean;
  canVoid: boolean;
};

/**
 * Refund (full or partial; the amount is typed in major units and converted to minor units on the server) and
 * void for one capture (an attempt can hold a second charge, refunded on its own). Each is two steps: the first
 * submit only describes what will happen (ConfirmStep), the second sends it. The refund box starts empty: the
 * admin types what to give back rather than accepting a figure the page chose. The outcome messages live outside
 * the forms: when the refund's callback lands before the action returns, the re-rendered page may no longer
 * offer the form, but the notice must still show. A refused review (an amount over what is left, say) puts the
 * focus back on the amount, marked invalid and described by that message.
 */
export function PaymentActions({
  reference,
  attemptId,
  transactionId,
  currency,
  refundableLabel,
  canRefund,
  canVoid,
}: Props) {
  const [refundState, refund, refunding] = useActionState(refundAction, IDLE);
  const [voidState, voidPayment, voiding] = useActionState(voidAction, IDLE);
  // Not `refund-${transactionId}`: a hidden, still mounted copy of this order page (Cache Components) has the same.
  const inputId = useId();
  const messageId = `${inputId}-message`;
  const amount = useRef<HTMLInputElement>(null);
  const refundInvalid = refundState.status === "invalid";
  useEffect(() => {
    if (refundState.status === "invalid") amount.current?.focus();
  }, [refundState]);
  const hidden = <TransactionFields reference={reference} attemptId={attemptId} transactionId={transactionId} />;
  const busy = refunding || voiding;
  const t = useTranslations("admin.actions");
  return (
    <div className="mt-3 space-y-3">
      {canRefund && refundState.status === "confirm" ? (
        <ConfirmStep
          title={t("confirmRefund")}
          state={refundState}
          action={refund}
          hidden={hidden}
          pending={refunding}
          disabled={busy}
        />
      ) : canRefund ? (
        <form action={refund} aria-label={t("refundForm")}>
          {hidden}
          <label htmlFor={inputId} className="block text-sm font-medium">
            {t("refundAmount", { currency })}{" "}
            <span className="font-normal text-stone-600">{t("refundUpTo", { amount: refundableLabel })}</span>
          </label>
          <div className="mt-1 flex flex-wrap gap-2">
            <input
              ref={amount}
              id={inputId}
              name="amount"
              inputMode="decimal"
              // Amounts are typed as Paymob and the bank show them, with Latin digits left to right, also on an
              // Arabic page; Arabic-Indic digits from an Arabic keyboard are read too (lib/admin/amount.ts).
              dir="ltr"
              autoComplete="off"
              required
              aria-invalid={refundInvalid || undefined}
              aria-describedby={refundInvalid ? messageId : undefined}
              className="w-36 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm aria-invalid:border-red-700"
            />
            <ActionButton
              tone="refund"
              label={t("reviewRefund")}
              pending={refunding}
              pendingLabel={t("checking")}
              disabled={busy}
            />
          </div>
        </form>
      ) : null}
      <div id={messageId}>
        <ActionMessage state={refundState} />
      </div>
      {canVoid && voidState.status === "confirm" ? (
        <ConfirmStep
          title={t("confirmVoid")}
          state={voidState}
          action={voidPayment}
          hidden={hidden}
          pending={voiding}
          disabled={busy}
        />
      ) : canVoid ? (
        <form action={voidPayment} aria-label={t("voidForm")}>
          {hidden}
          <ActionButton
            tone="void"
            label={t("voidPayment")}
            pending={voiding}
            pendingLabel={t("checking")}
            disabled={busy}
          />
          <span className="ms-2 text-xs text-stone-600">{t("voidHint")}</span>
        </form>
      ) : null}
      <ActionMessage state={voidState} />
    </div>
  );
}
