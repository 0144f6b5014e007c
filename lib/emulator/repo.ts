import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { emuCardTokens, emuIntentions, emuTransactions, type EmuIntention, type EmuTransaction } from "./db/schema";

// Reads of the emulator's own tables. Writes live next to the rule that makes them (payments, refunds, …).
type Q = Db | Tx;

export async function intentionById(db: Q, id: string): Promise<EmuIntention | undefined> {
  return (await db.select().from(emuIntentions).where(eq(emuIntentions.id, id)).limit(1))[0];
}

export async function intentionByClientSecret(db: Q, clientSecret: string): Promise<EmuIntention | undefined> {
  return (await db.select().from(emuIntentions).where(eq(emuIntentions.clientSecret, clientSecret)).limit(1))[0];
}

export async function intentionBySpecialReference(db: Q, reference: string): Promise<EmuIntention | undefined> {
  return (await db.select().from(emuIntentions).where(eq(emuIntentions.specialReference, reference)).limit(1))[0];
}

export async function intentionByOrderId(db: Q, orderId: number): Promise<EmuIntention | undefined> {
  return (await db.select().from(emuIntentions).where(eq(emuIntentions.orderId, orderId)).limit(1))[0];
}

/** Locks the intention row for the rest of the DB transaction: one payment at a time per intention. */
export async function lockIntention(tx: Tx, id: string): Promise<EmuIntention | undefined> {
  return (await tx.select().from(emuIntentions).where(eq(emuIntentions.id, id)).for("update"))[0];
}

export async function transactionById(db: Q, id: number): Promise<EmuTransaction | undefined> {
  return (await db.select().from(emuTransactions).where(eq(emuTransactions.id, id)).limit(1))[0];
}

export async function lockTransaction(tx: Tx, id: number): Promise<EmuTransaction | undefined> {
  return (await tx.select().from(emuTransactions).where(eq(emuTransactions.id, id)).for("update"))[0];
}

/** Paymob's inquiry returns only the most recent transaction of an order. */
export async function latestTransactionOfOrder(db: Q, orderId: number): Promise<EmuTransaction | undefined> {
  return (
    await db
      .select()
      .from(emuTransactions)
      .where(eq(emuTransactions.orderId, orderId))
      .orderBy(desc(emuTransactions.id))
      .limit(1)
  )[0];
}

export async function successfulPayment(db: Q, intentionId: string): Promise<EmuTransaction | undefined> {
  const rows = await db
    .select()
    .from(emuTransactions)
    .where(
      and(
        eq(emuTransactions.intentionId, intentionId),
        eq(emuTransactions.kind, "payment"),
        eq(emuTransactions.success, true),
      ),
    )
    .limit(1);
  return rows[0];
}

export async function savedCardsByTokens(db: Q, tokens: string[]) {
  if (tokens.length === 0) return [];
  const rows = await db.select().from(emuCardTokens).where(inArray(emuCardTokens.token, tokens));
  return rows.map((r) => ({ card_subtype: r.cardSubtype, token: r.token, masked_pan: r.maskedPan }));
}
