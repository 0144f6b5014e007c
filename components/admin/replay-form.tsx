"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { replayAction } from "@/lib/admin/actions";
import { ActionButton } from "./action-button";
import { ActionMessage, IDLE } from "./action-message";

/** Re-runs a stored callback through the live handler (idempotent: an applied state comes back "duplicate"). */
export function ReplayForm({ reference, eventId }: { reference: string; eventId: number }) {
  const [state, action, pending] = useActionState(replayAction, IDLE);
  const t = useTranslations("admin.callbacks");
  return (
    <form action={action} aria-label={t("replayForm", { id: String(eventId) })}>
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="eventId" value={eventId} />
      <ActionButton tone="quiet" label={t("replay")} pending={pending} pendingLabel={t("replaying")} />
      <ActionMessage state={state} />
    </form>
  );
}
