"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { captureAction, voidAuthorisationAction } from "@/lib/admin/actions";
import { ActionButton } from "./action-button";
import { ActionMessage, IDLE } from "./action-message";
import { ConfirmStep } from "./confirm-step";
import { TransactionFields, type TransactionRef } from "./transaction-fields";

type Props = TransactionRef & {
  amountLabel: string;
  canCapture: boolean;
  canVoid: boolean;
};

/**
 * Capture (take the whole authorised amount) or void (release the hold) of one authorisation. The void is two
 * steps, like a refund (ConfirmStep): it cannot be undone, and the order can no longer be captured after it.
 */
export function AuthorisationActions({ reference, attemptId, transactionId, amountLabel, canCapture, canVoid }: Props) {
  const [captureState, capture, capturing] = useActionState(captureAction, IDLE);
  const [voidState, voidHold, voiding] = useActionState(voidAuthorisationAction, IDLE);
  const hidden = <TransactionFields reference={reference} attemptId={attemptId} transactionId={transactionId} />;
  const busy = capturing || voiding;
  const t = useTranslations("admin.actions");
  return (
    <div className="mt-2 space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {canCapture ? (
          <form action={capture} aria-label={t("captureForm")}>
            {hidden}
            <ActionButton
              tone="capture"
              label={t("capture", { amount: amountLabel })}
              pending={capturing}
              disabled={busy}
            />
          </form>
        ) : null}
        {canVoid && voidState.status !== "confirm" ? (
          <form action={voidHold} aria-label={t("voidAuthorisationForm")}>
            {hidden}
            <ActionButton
              tone="void"
              label={t("voidAuthorisation")}
              pending={voiding}
              pendingLabel={t("checking")}
              disabled={busy}
            />
          </form>
        ) : null}
      </div>
      {canVoid && voidState.status === "confirm" ? (
        <ConfirmStep
          title={t("confirmVoid")}
          state={voidState}
          action={voidHold}
          hidden={hidden}
          pending={voiding}
          disabled={busy}
        />
      ) : null}
      <ActionMessage state={captureState} />
      <ActionMessage state={voidState} />
    </div>
  );
}
