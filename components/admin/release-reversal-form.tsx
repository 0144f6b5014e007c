"use client";

import { useActionState } from "react";
import { releaseReversalAction } from "@/lib/admin/actions";
import type { AdminActionState } from "@/lib/admin/operations";
import { ActionMessage } from "./action-message";

const idle: AdminActionState = { status: "idle" };

/** Frees a capture, refund or void Paymob never confirmed; only after checking Paymob's dashboard, since it may have happened. */
export function ReleaseReversalForm({ reference, reversalId }: { reference: string; reversalId: number }) {
  const [state, action, pending] = useActionState(releaseReversalAction, idle);
  return (
    <form action={action} aria-label={`Release request #${reversalId}`} className="mt-1">
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="reversalId" value={reversalId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-stone-300 bg-white px-2.5 py-1 text-xs font-medium hover:border-brand-700 disabled:opacity-60"
      >
        {pending ? "Releasing…" : "Not in Paymob's dashboard: release"}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}
