"use client";

import { useActionState } from "react";
import { releaseReversalAction } from "@/lib/admin/actions";
import { ActionButton } from "./action-button";
import { ActionMessage, IDLE } from "./action-message";

/** Frees a capture, refund or void Paymob never confirmed; only after checking Paymob's dashboard, since it may have happened. */
export function ReleaseReversalForm({ reference, reversalId }: { reference: string; reversalId: number }) {
  const [state, action, pending] = useActionState(releaseReversalAction, IDLE);
  return (
    <form action={action} aria-label={`Release request #${reversalId}`} className="mt-1">
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="reversalId" value={reversalId} />
      <ActionButton
        tone="quiet"
        label="Not in Paymob's dashboard: release"
        pending={pending}
        pendingLabel="Releasing…"
      />
      <ActionMessage state={state} />
    </form>
  );
}
