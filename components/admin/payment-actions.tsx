"use client";

import { useActionState } from "react";
import { refundAction, voidAction } from "@/lib/admin/actions";
import { ActionButton } from "./action-button";
import { ActionMessage, IDLE } from "./action-message";
import { TransactionFields, type TransactionRef } from "./transaction-fields";

type Props = TransactionRef & {
  currency: string;
  /** What may still be refunded, in major units for the input ("" when nothing). */
  refundable: string;
  refundableLabel: string;
  canRefund: boolean;
  canVoid: boolean;
};

/**
 * Refund (full or partial; the amount is typed in major units and converted to minor units on the server) and
 * void for one capture (an attempt can hold a second charge, refunded on its own). The outcome messages live outside the forms: when the refund's callback lands
 * before the action returns, the re-rendered page may no longer offer the form, but the notice must still show.
 */
export function PaymentActions({
  reference,
  attemptId,
  transactionId,
  currency,
  refundable,
  refundableLabel,
  canRefund,
  canVoid,
}: Props) {
  const [refundState, refund, refunding] = useActionState(refundAction, IDLE);
  const [voidState, voidPayment, voiding] = useActionState(voidAction, IDLE);
  const inputId = `refund-${transactionId}`;
  const hidden = <TransactionFields reference={reference} attemptId={attemptId} transactionId={transactionId} />;
  const busy = refunding || voiding;
  return (
    <div className="mt-3 space-y-3">
      {canRefund ? (
        <form action={refund} aria-label="Refund this payment">
          {hidden}
          <label htmlFor={inputId} className="block text-sm font-medium">
            Refund amount ({currency}) <span className="font-normal text-stone-500">· up to {refundableLabel}</span>
          </label>
          <div className="mt-1 flex gap-2">
            {/* Keyed by the limit, so the pre-filled amount follows a refund that just landed. */}
            <input
              key={refundable}
              id={inputId}
              name="amount"
              inputMode="decimal"
              defaultValue={refundable}
              required
              className="w-36 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm"
            />
            <ActionButton tone="refund" label="Refund" pending={refunding} disabled={busy} />
          </div>
        </form>
      ) : null}
      <ActionMessage state={refundState} />
      {canVoid ? (
        <form action={voidPayment} aria-label="Void this payment">
          {hidden}
          <ActionButton tone="void" label="Void payment" pending={voiding} disabled={busy} />
          <span className="ml-2 text-xs text-stone-500">
            Same day only; cancels the whole payment without refund fees.
          </span>
        </form>
      ) : null}
      <ActionMessage state={voidState} />
    </div>
  );
}
