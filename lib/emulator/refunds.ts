import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emuTransactions, type EmuIntention, type EmuTransaction } from "@/db/schema/emulator";
import { enqueueTransactionCallback } from "./callbacks";
import { lockIntention, lockTransaction } from "./repo";
import { cairoDay, paymobTimestamp } from "./time";
import { buildTransactionObject, type TransactionObject } from "./transaction-object";

// Refund and void (research §4.1): each creates a successful CHILD transaction (has_parent_transaction=true,
// parent_transaction=<id>), and the parent is re-notified with is_refunded/refunded_amount_cents or is_voided,
// which changes its signed fields and therefore its HMAC.

export type ReversalResult =
  | { ok: true; child: EmuTransaction; parent: EmuTransaction; obj: TransactionObject }
  | { ok: false; status: 400 | 404; message: string };

const fail = (status: 400 | 404, message: string): ReversalResult => ({ ok: false, status, message });

function rejectReason(kind: "refund" | "void", parent: EmuTransaction, amountCents: number): string | null {
  if (parent.kind !== "payment") return "Only payment transactions can be refunded or voided.";
  if (!parent.success || parent.pending) return "Transaction is not successful; nothing to reverse.";
  if (parent.isVoided) return "Transaction is already voided.";
  if (kind === "void") {
    if (parent.refundedAmountCents > 0) return "Transaction has refunds; it can no longer be voided.";
    // Voids cancel before settlement, i.e. on the day of the payment; afterwards only a refund works.
    if (cairoDay(parent.createdAt) !== cairoDay(new Date())) return "Transaction can only be voided on the day it was made; refund it instead.";
    return null;
  }
  const remaining = parent.amountCents - parent.refundedAmountCents;
  if (remaining === 0) return "Transaction is already fully refunded.";
  if (amountCents > remaining) return `Refund amount (${amountCents}) exceeds the refundable amount (${remaining}).`;
  return null;
}

export async function reverseTransaction(db: Db, kind: "refund" | "void", transactionId: number, amountCents?: number): Promise<ReversalResult> {
  return db.transaction(async (tx) => {
    const parent = await lockTransaction(tx, transactionId);
    if (!parent) return fail(404, "Not found.");
    const intention: EmuIntention | undefined = await lockIntention(tx, parent.intentionId);
    if (!intention) return fail(404, "Not found.");
    const amount = kind === "void" ? parent.amountCents : (amountCents ?? 0);
    const reason = rejectReason(kind, parent, amount);
    if (reason) return fail(400, reason);

    const now = paymobTimestamp();
    const [child] = await tx
      .insert(emuTransactions)
      .values({
        intentionId: parent.intentionId,
        orderId: parent.orderId,
        kind,
        parentId: parent.id,
        integrationId: parent.integrationId,
        amountCents: amount,
        currency: parent.currency,
        success: true,
        pending: false,
        is3dSecure: false,
        sourceType: parent.sourceType,
        sourcePan: parent.sourcePan,
        sourceSubType: parent.sourceSubType,
        cardNum: parent.cardNum,
        message: "Approved",
        txnResponseCode: "APPROVED",
        acqResponseCode: "00",
        apiSource: "OTHER",
        createdText: now,
        updatedText: now,
      })
      .returning();
    const [updated] = await tx
      .update(emuTransactions)
      .set(kind === "void" ? { isVoided: true, updatedText: now } : { isRefunded: true, refundedAmountCents: parent.refundedAmountCents + amount, updatedText: now })
      .where(eq(emuTransactions.id, parent.id))
      .returning();
    if (!child || !updated) throw new Error("emulator: reversal write returned nothing");
    const childDelivery = await enqueueTransactionCallback(tx, { intention, transaction: child, label: kind });
    await enqueueTransactionCallback(tx, { intention, transaction: updated, label: `parent re-notified (${kind === "void" ? "voided" : "refunded"})`, after: childDelivery });
    console.info(`[paymob-emulator] ${kind} ${child.id} of transaction ${parent.id} (order ${parent.orderId}): ${amount} ${parent.currency}`);
    return { ok: true, child, parent: updated, obj: buildTransactionObject(intention, child) };
  });
}
