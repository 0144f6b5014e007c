"use client";

import { useActionState } from "react";
import { refundAction, voidAction } from "@/lib/admin/actions";
import type { AdminActionState } from "@/lib/admin/operations";
import { ActionMessage } from "./action-message";

const idle: AdminActionState = { status: "idle" };

type Props = {
  reference: string;
  attemptId: string;
  /** The Paymob transaction (capture or sale) this refunds or voids. */
  transactionId: number;
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
  const [refundState, refund, refunding] = useActionState(refundAction, idle);
  const [voidState, voidPayment, voiding] = useActionState(voidAction, idle);
  const inputId = `refund-${transactionId}`;
  return (
    <div className="mt-3 space-y-3">
      {canRefund ? (
        <form action={refund} aria-label="Refund this payment">
          <input type="hidden" name="reference" value={reference} />
          <input type="hidden" name="attemptId" value={attemptId} />
          <input type="hidden" name="transactionId" value={transactionId} />
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
            <button
              type="submit"
              disabled={refunding || voiding}
              className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60"
            >
              {refunding ? "Requesting…" : "Refund"}
            </button>
          </div>
        </form>
      ) : null}
      <ActionMessage state={refundState} />
      {canVoid ? (
        <form action={voidPayment} aria-label="Void this payment">
          <input type="hidden" name="reference" value={reference} />
          <input type="hidden" name="attemptId" value={attemptId} />
          <input type="hidden" name="transactionId" value={transactionId} />
          <button
            type="submit"
            disabled={refunding || voiding}
            className="rounded-md border border-red-700 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
          >
            {voiding ? "Requesting…" : "Void payment"}
          </button>
          <span className="ml-2 text-xs text-stone-500">
            Same day only; cancels the whole payment without refund fees.
          </span>
        </form>
      ) : null}
      <ActionMessage state={voidState} />
    </div>
  );
}
