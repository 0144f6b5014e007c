"use client";

import { useActionState } from "react";
import { replayAction } from "@/lib/admin/actions";
import type { AdminActionState } from "@/lib/admin/operations";
import { ActionMessage } from "./action-message";

const idle: AdminActionState = { status: "idle" };

/** Re-runs a stored callback through the live handler (idempotent: an applied state comes back "duplicate"). */
export function ReplayForm({ reference, eventId }: { reference: string; eventId: number }) {
  const [state, action, pending] = useActionState(replayAction, idle);
  return (
    <form action={action} aria-label={`Replay callback #${eventId}`}>
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="eventId" value={eventId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-stone-300 bg-white px-2.5 py-1 text-xs font-medium hover:border-brand-700 disabled:opacity-60"
      >
        {pending ? "Replaying…" : "Replay"}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}
