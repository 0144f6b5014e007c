"use client";

import { useActionState } from "react";
import { captureAction, voidAuthorisationAction } from "@/lib/admin/actions";
import type { AdminActionState } from "@/lib/admin/operations";
import { ActionMessage } from "./action-message";

const idle: AdminActionState = { status: "idle" };

type Props = {
  reference: string;
  attemptId: string;
  transactionId: number;
  amountLabel: string;
  canCapture: boolean;
  canVoid: boolean;
};

/** Capture (take the whole authorised amount) or void (release the hold) of one authorisation. */
export function AuthorisationActions({ reference, attemptId, transactionId, amountLabel, canCapture, canVoid }: Props) {
  const [captureState, capture, capturing] = useActionState(captureAction, idle);
  const [voidState, voidHold, voiding] = useActionState(voidAuthorisationAction, idle);
  const hidden = (
    <>
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="attemptId" value={attemptId} />
      <input type="hidden" name="transactionId" value={transactionId} />
    </>
  );
  return (
    <div className="mt-2 space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {canCapture ? (
          <form action={capture} aria-label="Capture this authorisation">
            {hidden}
            <button
              type="submit"
              disabled={capturing || voiding}
              className="rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-60"
            >
              {capturing ? "Requesting…" : `Capture ${amountLabel}`}
            </button>
          </form>
        ) : null}
        {canVoid ? (
          <form action={voidHold} aria-label="Void this authorisation">
            {hidden}
            <button
              type="submit"
              disabled={capturing || voiding}
              className="rounded-md border border-red-700 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
            >
              {voiding ? "Requesting…" : "Void authorisation"}
            </button>
          </form>
        ) : null}
      </div>
      <ActionMessage state={captureState} />
      <ActionMessage state={voidState} />
    </div>
  );
}
