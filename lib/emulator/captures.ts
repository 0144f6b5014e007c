import "server-only";
import type { Db } from "@/db/client";
import type { EmuTransaction } from "./db/schema";
import { addChildTransaction } from "./child-transaction";
import type { ReversalResult } from "./refunds";
import { lockIntention, lockTransaction } from "./repo";
import { buildTransactionObject } from "./transaction-object";

// Capture (Paymob's "Refund & Void & Capture APIs" collection): takes money from an authorisation. Like a
// refund it is a new child transaction — here with is_capture=true and the captured amount — and the
// authorisation is re-notified with is_captured/captured_amount. Whether Paymob allows several partial captures
// of one authorisation is not documented; the emulator allows one capture of up to the authorised amount.

function rejectReason(auth: EmuTransaction, amountCents: number): string | null {
  if (auth.kind !== "payment" || !auth.isAuth) return "Only an authorisation can be captured.";
  if (!auth.success || auth.pending) return "Transaction is not successful; nothing to capture.";
  if (auth.isVoided) return "Authorisation is voided.";
  if (auth.capturedAmountCents > 0) return "Authorisation is already captured.";
  if (amountCents > auth.amountCents)
    return `Capture amount (${amountCents}) exceeds the authorised amount (${auth.amountCents}).`;
  return null;
}

export async function captureAuthorisation(
  db: Db,
  transactionId: number,
  amountCents: number,
): Promise<ReversalResult> {
  return db.transaction(async (tx) => {
    const auth = await lockTransaction(tx, transactionId);
    const intention = auth ? await lockIntention(tx, auth.intentionId) : undefined;
    if (!auth || !intention) return { ok: false, status: 404, message: "Not found." } as const;
    const reason = rejectReason(auth, amountCents);
    if (reason) return { ok: false, status: 400, message: reason } as const;
    const written = await addChildTransaction(
      tx,
      intention,
      auth,
      "capture",
      amountCents,
      () => ({ capturedAmountCents: amountCents }),
      "captured",
    );
    return { ok: true, ...written, obj: buildTransactionObject(intention, written.child) } as const;
  });
}
