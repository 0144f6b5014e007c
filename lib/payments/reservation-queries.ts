import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { orders, type OrderStatus } from "@/db/schema/orders";
import { paymentAttempts, paymentTransactions, type PaymentTransaction } from "@/db/schema/payments";
import { paymentReversals, type PaymentReversal, type ReversalKind } from "@/db/schema/reversals";
import { isUniqueViolation, PaymentsDataError } from "./errors";

// The admin's refund, void and capture reservations (payment_reversals) and what deciding one reads, through the
// query builder. Functions that take a `Tx` belong inside a transaction, after lockAttempt.

export type LockedAttemptRow = { id: string; orderId: string; currency: string; amountMinor: number };

/**
 * Locks the attempt row; every write to an attempt's reservations goes through this first. The callback handler
 * locks the same row (hot-path-sql.ts, lockAttemptRow) before it records and settles what Paymob reports.
 */
export async function lockAttempt(tx: Tx, attemptId: string): Promise<LockedAttemptRow | undefined> {
  const [attempt] = await tx
    .select({
      id: paymentAttempts.id,
      orderId: paymentAttempts.orderId,
      currency: paymentAttempts.currency,
      amountMinor: paymentAttempts.amountMinor,
    })
    .from(paymentAttempts)
    .where(eq(paymentAttempts.id, attemptId))
    .for("update");
  return attempt;
}

/** The attempt's currency, when the attempt belongs to the order with that reference. */
export async function attemptCurrency(db: Db, reference: string, attemptId: string): Promise<string | undefined> {
  const [attempt] = await db
    .select({ currency: paymentAttempts.currency })
    .from(paymentAttempts)
    .innerJoin(orders, eq(orders.id, paymentAttempts.orderId))
    .where(and(eq(orders.reference, reference), eq(paymentAttempts.id, attemptId)))
    .limit(1);
  return attempt?.currency;
}

export async function orderStatusById(tx: Tx, orderId: string): Promise<OrderStatus | undefined> {
  const [order] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
  return order?.status;
}

/** The transactions Paymob reported for one attempt of an order. */
export async function transactionsOfAttempt(
  tx: Db | Tx,
  orderId: string,
  attemptId: string,
): Promise<PaymentTransaction[]> {
  return tx
    .select()
    .from(paymentTransactions)
    .where(and(eq(paymentTransactions.orderId, orderId), eq(paymentTransactions.attemptId, attemptId)));
}

/** Every transaction Paymob reported for the order (a second authorisation is only recognisable next to the first). */
export async function transactionsOfOrder(tx: Tx, orderId: string): Promise<PaymentTransaction[]> {
  return tx.select().from(paymentTransactions).where(eq(paymentTransactions.orderId, orderId));
}

/** Requests on one Paymob transaction still awaiting Paymob. */
export async function pendingReservations(
  tx: Tx,
  transactionId: number,
): Promise<Pick<PaymentReversal, "kind" | "amountMinor">[]> {
  return tx
    .select({ kind: paymentReversals.kind, amountMinor: paymentReversals.amountMinor })
    .from(paymentReversals)
    .where(and(eq(paymentReversals.paymobTransactionId, transactionId), eq(paymentReversals.status, "pending")));
}

/**
 * Refunds of one Paymob transaction a verified callback settled: money Paymob confirmed, even when the refund's
 * own child callback never arrived (lib/orders/payment-ledger.ts reads it the same way).
 */
export async function settledRefundsMinor(tx: Tx, transactionId: number): Promise<number> {
  const [row] = await tx
    .select({ total: sql<number>`coalesce(sum(${paymentReversals.amountMinor}), 0)::integer` })
    .from(paymentReversals)
    .where(
      and(
        eq(paymentReversals.paymobTransactionId, transactionId),
        eq(paymentReversals.kind, "refund"),
        eq(paymentReversals.status, "settled"),
      ),
    );
  return Number(row?.total ?? 0);
}

/**
 * The pending row itself; call only under lockAttempt, after the rules said the request fits. A second void of
 * one payment is refused by a unique index as well as by the rules: that refusal is a "conflict".
 */
export async function insertReservation(
  tx: Tx,
  attempt: Pick<LockedAttemptRow, "id" | "orderId" | "currency">,
  request: { transactionId: number; kind: ReversalKind; amountMinor: number; requestedBy: string },
): Promise<PaymentReversal> {
  const what = `reserving a ${request.kind} of transaction ${request.transactionId} for attempt ${attempt.id}`;
  let reversal: PaymentReversal | undefined;
  try {
    [reversal] = await tx
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
  } catch (error) {
    if (isUniqueViolation(error))
      throw new PaymentsDataError("conflict", `${what}: another request holds it`, { cause: error });
    throw error;
  }
  if (!reversal) throw new PaymentsDataError("no_row", `${what} returned nothing`);
  return reversal;
}

/** Names the child Paymob created, unless the row has one or another row already has this child. */
export async function setReversalChild(tx: Tx, reversalId: number, childTransactionId: number): Promise<void> {
  await tx
    .update(paymentReversals)
    .set({ childTransactionId, updatedAt: sql`now()` })
    .where(
      and(
        eq(paymentReversals.id, reversalId),
        isNull(paymentReversals.childTransactionId),
        sql`not exists (select 1 from ${paymentReversals} k where k.child_transaction_id = ${childTransactionId})`,
      ),
    );
}

/** Releases a pending row; false when it was no longer pending. */
export async function releasePendingReversal(tx: Tx, reversalId: number, reason: string): Promise<boolean> {
  const released = await tx
    .update(paymentReversals)
    .set({ status: "released", failureReason: reason, resolvedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(paymentReversals.id, reversalId), eq(paymentReversals.status, "pending")))
    .returning({ id: paymentReversals.id });
  return released.length > 0;
}

/** Longer than any Paymob call may take (lib/paymob/http.ts DEFAULT_TIMEOUT_MS is 15 s). */
const UNCONFIRMED_AFTER = sql.raw(`interval '2 minutes'`);

/**
 * Releases a pending row Paymob never answered (no child), whose call ended unconfirmed or is older than any
 * Paymob call can take; its kind, or null when it is not such a row.
 */
export async function releaseUnconfirmedRow(tx: Tx, reversalId: number, reason: string): Promise<ReversalKind | null> {
  const released = await tx
    .update(paymentReversals)
    .set({ status: "released", failureReason: reason, resolvedAt: sql`now()`, updatedAt: sql`now()` })
    .where(
      and(
        eq(paymentReversals.id, reversalId),
        eq(paymentReversals.status, "pending"),
        isNull(paymentReversals.childTransactionId),
        sql`(${paymentReversals.failureReason} is not null or ${paymentReversals.createdAt} < now() - ${UNCONFIRMED_AFTER})`,
      ),
    )
    .returning({ kind: paymentReversals.kind });
  return released[0]?.kind ?? null;
}

/** One reservation of an order (the id alone could name another order's). */
export async function reversalOfOrder(
  db: Db,
  orderId: string,
  reversalId: number,
): Promise<Pick<PaymentReversal, "id" | "attemptId"> | undefined> {
  const [reversal] = await db
    .select({ id: paymentReversals.id, attemptId: paymentReversals.attemptId })
    .from(paymentReversals)
    .where(and(eq(paymentReversals.id, reversalId), eq(paymentReversals.orderId, orderId)));
  return reversal;
}

/** Paymob's answer is unknown: the row stays pending, with the reason for the admin. */
export async function noteReversalUnconfirmed(db: Db, reversalId: number, reason: string): Promise<void> {
  await db
    .update(paymentReversals)
    .set({ failureReason: reason, updatedAt: sql`now()` })
    .where(and(eq(paymentReversals.id, reversalId), eq(paymentReversals.status, "pending")));
}

/** Every reservation of an order, oldest first, for the admin page. */
export async function reversalsOfOrder(db: Db, orderId: string): Promise<PaymentReversal[]> {
  return db
    .select()
    .from(paymentReversals)
    .where(eq(paymentReversals.orderId, orderId))
    .orderBy(asc(paymentReversals.id));
}
