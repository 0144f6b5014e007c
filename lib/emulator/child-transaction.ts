import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { logger } from "@/lib/logger";
import { emuTransactions, type EmuIntention, type EmuTransaction } from "./db/schema";
import { enqueueTransactionCallback } from "./callbacks";
import { regionOfClientSecret } from "./settings";
import { paymobTimestamp } from "./time";

// Capture, refund and void each create a successful CHILD transaction (has_parent_transaction=true,
// parent_transaction=<id>) and re-notify the parent with its new state (Paymob's refund/void docs: "You will
// receive callbacks for the parent transaction"). The child's callback goes out first.

export type ChildKind = "capture" | "refund" | "void";

/** Inserts the child, applies `parentUpdate` to the parent, and queues both callbacks, in the caller's DB transaction. */
export async function addChildTransaction(
  tx: Tx,
  intention: EmuIntention,
  parent: EmuTransaction,
  kind: ChildKind,
  amountCents: number,
  parentUpdate: (now: string) => Partial<EmuTransaction>,
  parentLabel: string,
): Promise<{ child: EmuTransaction; parent: EmuTransaction }> {
  const now = paymobTimestamp(regionOfClientSecret(intention.clientSecret));
  const [child] = await tx
    .insert(emuTransactions)
    .values({
      intentionId: parent.intentionId,
      orderId: parent.orderId,
      kind,
      parentId: parent.id,
      integrationId: parent.integrationId,
      amountCents,
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
    .set({ ...parentUpdate(now), updatedText: now })
    .where(eq(emuTransactions.id, parent.id))
    .returning();
  if (!child || !updated) throw new Error(`emulator: ${kind} write returned nothing`);
  const childDelivery = await enqueueTransactionCallback(tx, { intention, transaction: child, label: kind });
  await enqueueTransactionCallback(tx, {
    intention,
    transaction: updated,
    label: `parent re-notified (${parentLabel})`,
    after: childDelivery,
  });
  logger.info(
    {
      scope: "paymob-emulator",
      transactionId: child.id,
      parentId: parent.id,
      orderId: parent.orderId,
      amountCents,
      currency: parent.currency,
    },
    `${kind} recorded`,
  );
  return { child, parent: updated };
}
