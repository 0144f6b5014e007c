"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { releaseReversalAction } from "@/lib/admin/actions";
import { ActionButton } from "./action-button";
import { ActionMessage, IDLE } from "./action-message";

/** Frees a capture, refund or void Paymob never confirmed; only after checking Paymob's dashboard, since it may have happened. */
export function ReleaseReversalForm({ reference, reversalId }: { reference: string; reversalId: number }) {
  const [state, action, pending] = useActionState(releaseReversalAction, IDLE);
  const t = useTranslations("admin.reversals");
  return (
    <form action={action} aria-label={t("releaseForm", { id: String(reversalId) })} className="mt-1">
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="reversalId" value={reversalId} />
      <ActionButton tone="quiet" label={t("release")} pending={pending} pendingLabel={t("releasing")} />
      <ActionMessage state={state} />
    </form>
  );
}
