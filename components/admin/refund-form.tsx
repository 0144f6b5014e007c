"use client";

import { useActionState } from "react";
import { refundAction } from "@/lib/admin/actions";
import type { AdminActionState } from "@/lib/admin/operations";
import { ActionMessage } from "./action-message";

const idle: AdminActionState = { status: "idle" };

/** Full or partial refund: the amount is typed in major units and converted to minor units on the server. */
export function RefundForm(props: { reference: string; attemptId: string; currency: string; refundable: string; refundableLabel: string }) {
  const [state, action, pending] = useActionState(refundAction, idle);
  const inputId = `refund-${props.attemptId}`;
  return (
    <form action={action} className="mt-3">
      <input type="hidden" name="reference" value={props.reference} />
      <input type="hidden" name="attemptId" value={props.attemptId} />
      <label htmlFor={inputId} className="block text-sm font-medium">
        Refund amount ({props.currency}) <span className="font-normal text-stone-500">· up to {props.refundableLabel}</span>
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id={inputId}
          name="amount"
          inputMode="decimal"
          defaultValue={props.refundable}
          required
          className="w-36 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm"
        />
        <button type="submit" disabled={pending} className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60">
          {pending ? "Requesting…" : "Refund"}
        </button>
      </div>
      <ActionMessage state={state} />
    </form>
  );
}
