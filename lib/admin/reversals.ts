import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { paymentAttempts, paymentTransactions } from "@/db/schema/payments";
import { paymentReversals, type PaymentReversal, type ReversalKind } from "@/db/schema/reversals";
import { decideReversal, reversalBalance, type ReversalBalance, type ReversalRefusal, type ReversalRequest } from "./reversal-balance";

// Refund and void reservations in the database, shared by every app instance (captures and voids of an
// authorisation: lib/admin/authorisation-reservations.ts, same table, same lock). The reservation is written
// BEFORE Paymob is called, under the attempt's row lock (the same row the callback handler locks), in the
// transaction that reads what was captured, refunded and already reserved: two requests for one payment,
// from any process, therefore check and reserve one after the other, and the second sees the first.

export type ReserveInput = ReversalRequest & {
  attemptId: string;
  /** The captured Paymob transaction to reverse (an attempt can have more than one capture). */
  transactionId: number;
  /** The admin's verified email. */
  requestedBy: string;
};

export type ReserveResult =
  | { ok: true; reversal: PaymentReversal; balance: ReversalBalance }
  | { ok: false; reason: ReversalRefusal | "no_attempt"; balance?: ReversalBalance };

/**
 * Locks the attempt row; every write to an attempt's reservations goes through this first. The callback handler
 * locks the same row (lib/payments/attempt-context.ts) before it records and settles what Paymob reports.
 */
export async function lockAttempt(tx: Tx, attemptId: string) {
  const [attempt] = await tx
    .select({ id: paymentAttempts.id, orderId: paymentAttempts.orderId, currency: paymentAttempts.currency, amountMinor: paymentAttempts.amountMinor })
    .from(paymentAttempts)
    .where(eq(paymentAttempts.id, attemptId))
    .for("update");
  return attempt;
}

/** The pending row itself; call only under lockAttempt, after the rules said the request fits. */
export async function insertReservation(
  tx: Tx,
  attempt: { id: string; orderId: string; currency: string },
  request: { transactionId: number; kind: ReversalKind; amountMinor: number; requestedBy: string },
): Promise<PaymentReversal> {
  const [reversal] = await tx
    .insert(paymentReversals)
    .values({
      orderId: attempt.orderId,
      attemptId: attempt.id,
      paymobTransactionId: request.transactionId,
      kind: request.kind,
      amountMinor: request.amountMinor,
      currency: attempt.currency,
      requestedBy: request.requestedBy,
    })
    .returning();
  if (!reversal) throw new Error(`reserving a ${request.kind} of transaction ${request.transactionId} for attempt ${attempt.id} returned nothing`);
  return reversal;
}

export async function reserveReversal(db: Db, input: ReserveInput): Promise<ReserveResult> {
  return db.transaction(async (tx) => {
    const attempt = await lockAttempt(tx, input.attemptId);
    if (!attempt) return { ok: false, reason: "no_attempt" };
    // Separate statements after the lock: in READ COMMITTED each sees what the previous lock holder committed.
    const transactions = await tx
      .select()
      .from(paymentTransactions)
      .where(and(eq(paymentTransactions.orderId, attempt.orderId), eq(paymentTransactions.attemptId, attempt.id)));
    const pending = await tx
      .select({ kind: paymentReversals.kind, amountMinor: paymentReversals.amountMinor })
      .from(paymentReversals)
      .where(and(eq(paymentReversals.paymobTransactionId, input.transactionId), eq(paymentReversals.status, "pending")));
    const balance = reversalBalance(input.transactionId, transactions, pending);
    const decision = decideReversal(balance, input);
    if (!decision.ok) return { ok: false, reason: decision.reason, balance };
    const reversal = await insertReservation(tx, attempt, { transactionId: input.transactionId, kind: decision.kind, amountMinor: decision.amountMinor, requestedBy: input.requestedBy });
    return { ok: true, reversal, balance };
  });
}

/**
 * Paymob answered with the child transaction it created. Its callback may have come first and settled a
 * reservation of the same amount already, naming this child; then the child stays there and this one waits
 * for the next matching callback (equal amounts, so the sums are the same either way).
 */
export async function recordReversalChild(db: Db, reversal: PaymentReversal, childTransactionId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await lockAttempt(tx, reversal.attemptId);
    await tx
      .update(paymentReversals)
      .set({ childTransactionId, updatedAt: sql`now()` })
      .where(
        and(
          eq(paymentReversals.id, reversal.id),
          isNull(paymentReversals.childTransactionId),
          sql`not exists (select 1 from ${paymentReversals} k where k.child_transaction_id = ${childTransactionId})`,
        ),
      );
  });
}

/** Paymob definitely did not reverse anything: the amount is free again. Only a pending row can be released. */
export async function releaseReversal(db: Db, reversal: Pick<PaymentReversal, "id" | "attemptId">, reason: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockAttempt(tx, reversal.attemptId);
    const released = await tx
      .update(paymentReversals)
      .set({ status: "released", failureReason: reason, resolvedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(paymentReversals.id, reversal.id), eq(paymentReversals.status, "pending")))
      .returning({ id: paymentReversals.id });
    return released.length > 0;
  });
}

/**
 * An admin checked Paymob's dashboard and the reversal is not there: frees a reservation Paymob never
 * confirmed. Never one Paymob answered (it named a child, so it happened), nor one whose request may still be
 * running: its call must have ended unconfirmed, or be older than any Paymob call can take.
 */
export async function releaseUnconfirmedReversal(db: Db, orderId: string, reversalId: number, reason: string): Promise<ReversalKind | null> {
  const [reversal] = await db
    .select({ id: paymentReversals.id, attemptId: paymentReversals.attemptId })
    .from(paymentReversals)
    .where(and(eq(paymentReversals.id, reversalId), eq(paymentReversals.orderId, orderId)));
  if (!reversal) return null;
  return db.transaction(async (tx) => {
    await lockAttempt(tx, reversal.attemptId);
    const released = await tx
      .update(paymentReversals)
      .set({ status: "released", failureReason: reason, resolvedAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          eq(paymentReversals.id, reversal.id),
          eq(paymentReversals.status, "pending"),
          isNull(paymentReversals.childTransactionId),
          sql`(${paymentReversals.failureReason} is not null or ${paymentReversals.createdAt} < now() - ${UNCONFIRMED_AFTER})`,
        ),
      )
      .returning({ kind: paymentReversals.kind });
    return released[0]?.kind ?? null;
  });
}

/** Longer than any Paymob call may take (lib/paymob/http.ts DEFAULT_TIMEOUT_MS is 15 s). */
const UNCONFIRMED_AFTER = sql.raw(`interval '2 minutes'`);

/** Paymob's answer is unknown (timeout, network, 5xx): the row stays pending, with the reason for the admin. */
export async function noteReversalUnconfirmed(db: Db, reversal: Pick<PaymentReversal, "id">, reason: string): Promise<void> {
  await db
    .update(paymentReversals)
    .set({ failureReason: reason, updatedAt: sql`now()` })
    .where(and(eq(paymentReversals.id, reversal.id), eq(paymentReversals.status, "pending")));
}

/** Every reservation of an order, oldest first, for the admin page. */
export async function reversalsOfOrder(db: Db, orderId: string): Promise<PaymentReversal[]> {
  return db.select().from(paymentReversals).where(eq(paymentReversals.orderId, orderId)).orderBy(asc(paymentReversals.id));
}
