"use client";

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
  return (
    <div className="mt-3 space-y-3">
      {canRefund && refundState.status === "confirm" ? (
        <ConfirmStep
          title="Confirm the refund"
          state={refundState}
          action={refund}
          hidden={hidden}
          pending={refunding}
          disabled={busy}
        />
      ) : canRefund ? (
        <form action={refund} aria-label="Refund this payment">
          {hidden}
          <label htmlFor={inputId} className="block text-sm font-medium">
            Refund amount ({currency}) <span className="font-normal text-stone-600">· up to {refundableLabel}</span>
          </label>
          <div className="mt-1 flex flex-wrap gap-2">
            <input
              ref={amount}
              id={inputId}
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              required
              aria-invalid={refundInvalid || undefined}
              aria-describedby={refundInvalid ? messageId : undefined}
              className="w-36 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm aria-invalid:border-red-700"
            />
            <ActionButton
              tone="refund"
              label="Review refund"
              pending={refunding}
              pendingLabel="Checking…"
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
          title="Confirm the void"
          state={voidState}
          action={voidPayment}
          hidden={hidden}
          pending={voiding}
          disabled={busy}
        />
      ) : canVoid ? (
        <form action={voidPayment} aria-label="Void this payment">
          {hidden}
          <ActionButton tone="void" label="Void payment" pending={voiding} pendingLabel="Checking…" disabled={busy} />
          <span className="ms-2 text-xs text-stone-600">
            Same day only; cancels the whole payment without refund fees.
          </span>
        </form>
      ) : null}
      <ActionMessage state={voidState} />
    </div>
  );
}
