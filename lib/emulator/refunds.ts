import "server-only";
import type { Db } from "@/db/client";
import type { EmuIntention, EmuTransaction } from "./db/schema";
import { addChildTransaction } from "./child-transaction";
import { lockIntention, lockTransaction } from "./repo";
import { regionOfClientSecret } from "./settings";
import { regionDay } from "./time";
import { buildTransactionObject, type TransactionObject } from "./transaction-object";

// Refund and void (Paymob's refund/void docs): each creates a successful child transaction, and the parent is
// re-notified with is_refunded/refunded_amount_cents or is_voided, which changes its signed fields and therefore
// its HMAC. The money lives on a sale or on a capture child; an authorisation holds it until captured, so it can
// only be voided (releasing the hold), never refunded.

export type ReversalResult =
  | { ok: true; child: EmuTransaction; parent: EmuTransaction; obj: TransactionObject }
  | { ok: false; status: 400 | 404; message: string };

const fail = (status: 400 | 404, message: string): ReversalResult => ({ ok: false, status, message });

function rejectReason(
  kind: "refund" | "void",
  intention: EmuIntention,
  parent: EmuTransaction,
  amountCents: number,
): string | null {
  if (parent.kind !== "payment" && parent.kind !== "capture")
    return "Only payment transactions can be refunded or voided.";
  if (!parent.success || parent.pending) return "Transaction is not successful; nothing to reverse.";
  if (parent.isVoided) return "Transaction is already voided.";
  if (parent.isAuth) {
    if (kind === "refund")
      return "An authorisation has to be captured before it can be refunded; void it to release the hold.";
    if (parent.capturedAmountCents > 0) return "This authorisation was captured; void or refund the capture instead.";
    return null; // releasing a hold is possible until it expires, not only on the day it was made
  }
  if (kind === "void") {
    if (parent.refundedAmountCents > 0) return "Transaction has refunds; it can no longer be voided.";
    // Voids cancel before settlement, i.e. on the day of the payment; afterwards only a refund works.
    const region = regionOfClientSecret(intention.clientSecret);
    if (regionDay(region, parent.createdAt) !== regionDay(region, new Date()))
      return "Transaction can only be voided on the day it was made; refund it instead.";
    return null;
  }
  const remaining = parent.amountCents - parent.refundedAmountCents;
  if (remaining === 0) return "Transaction is already fully refunded.";
  if (amountCents > remaining) return `Refund amount (${amountCents}) exceeds the refundable amount (${remaining}).`;
  return null;
}

export async function reverseTransaction(
  db: Db,
  kind: "refund" | "void",
  transactionId: number,
  amountCents?: number,
): Promise<ReversalResult> {
  return db.transaction(async (tx) => {
    const parent = await lockTransaction(tx, transactionId);
    if (!parent) return fail(404, "Not found.");
    const intention: EmuIntention | undefined = await lockIntention(tx, parent.intentionId);
    if (!intention) return fail(404, "Not found.");
    const amount = kind === "void" ? parent.amountCents : (amountCents ?? 0);
    const reason = rejectReason(kind, intention, parent, amount);
    if (reason) return fail(400, reason);

    const written = await addChildTransaction(
      tx,
      intention,
      parent,
      kind,
      amount,
      () =>
        kind === "void"
          ? { isVoided: true }
          : { isRefunded: true, refundedAmountCents: parent.refundedAmountCents + amount },
      kind === "void" ? "voided" : "refunded",
    );
    return { ok: true, ...written, obj: buildTransactionObject(intention, written.child) };
  });
}
