"use client";

import { useActionState } from "react";
import { voidAction } from "@/lib/admin/actions";
import type { AdminActionState } from "@/lib/admin/operations";
import { ActionMessage } from "./action-message";

const idle: AdminActionState = { status: "idle" };

/** Void: cancels a same-day payment in full, without refund fees (Paymob refuses it after settlement). */
export function VoidForm({ reference, attemptId }: { reference: string; attemptId: string }) {
  const [state, action, pending] = useActionState(voidAction, idle);
  return (
    <form action={action} className="mt-3">
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="attemptId" value={attemptId} />
      <button type="submit" disabled={pending} className="rounded-md border border-red-700 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60">
        {pending ? "Requesting…" : "Void payment"}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}
