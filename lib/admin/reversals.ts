import "server-only";
import type { Db, Tx } from "@/db/client";
import type { PaymentReversal, ReversalKind } from "@/db/schema/reversals";
import {
  insertReservation,
  lockAttempt,
  pendingReservations,
  releasePendingReversal,
  releaseUnconfirmedRow,
  reversalOfOrder,
  setReversalChild,
  settledRefundsMinor,
  transactionsOfAttempt,
} from "@/lib/payments/reservation-queries";
import {
  decideReversal,
  reversalBalance,
  type ReversalBalance,
  type ReversalRefusal,
  type ReversalRequest,
} from "./reversal-balance";

// Refund and void reservations in the database, shared by every app instance (captures and voids of an
// authorisation: lib/admin/authorisation-reservations.ts, same table, same lock). The reservation is written
// BEFORE Paymob is called, under the attempt's row lock (the same row the callback handler locks), in the
// transaction that reads what was captured, refunded and already reserved: two requests for one payment,
// from any process, therefore check and reserve one after the other, and the second sees the first. The
// statements: lib/payments/reservation-queries.ts.

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

export async function reserveReversal(db: Db, input: ReserveInput): Promise<ReserveResult> {
  return db.transaction(async (tx) => {
    const attempt = await lockAttempt(tx, input.attemptId);
    if (!attempt) return { ok: false, reason: "no_attempt" };
    // Separate statements after the lock: in READ COMMITTED each sees what the previous lock holder committed.
    const balance = await readBalance(tx, attempt.orderId, attempt.id, input.transactionId);
    const decision = decideReversal(balance, input);
    if (!decision.ok) return { ok: false, reason: decision.reason, balance };
    const reversal = await insertReservation(tx, attempt, {
      transactionId: input.transactionId,
      kind: decision.kind,
      amountMinor: decision.amountMinor,
      requestedBy: input.requestedBy,
    });
    return { ok: true, reversal, balance };
  });
}

async function readBalance(
  tx: Tx,
  orderId: string,
  attemptId: string,
  transactionId: number,
): Promise<ReversalBalance> {
  const transactions = await transactionsOfAttempt(tx, orderId, attemptId);
  const pending = await pendingReservations(tx, transactionId);
  const settled = await settledRefundsMinor(tx, transactionId);
  return reversalBalance(transactionId, transactions, pending, settled);
}

/**
 * Whether the request would fit now, for the admin's confirmation step: the same reads and rule as
 * reserveReversal, without the lock or the reservation. Only shapes what the admin is asked to confirm; the
 * confirmed request is decided again by reserveReversal.
 */
export async function previewReversal(
  db: Db,
  input: ReversalRequest & { orderId: string; attemptId: string; transactionId: number },
): Promise<{ ok: true; amountMinor: number } | { ok: false; reason: ReversalRefusal; balance: ReversalBalance }> {
  return db.transaction(async (tx) => {
    const balance = await readBalance(tx, input.orderId, input.attemptId, input.transactionId);
    const decision = decideReversal(balance, input);
    return decision.ok
      ? { ok: true, amountMinor: decision.amountMinor }
      : { ok: false, reason: decision.reason, balance };
  });
}

/**
 * Paymob answered with the child transaction it created. Its callback may have come first and settled a
 * reservation of the same amount already, naming this child; then the child stays there and this one waits
 * for the next matching callback (equal amounts, so the sums are the same either way).
 */
export async function recordReversalChild(
  db: Db,
  reversal: PaymentReversal,
  childTransactionId: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockAttempt(tx, reversal.attemptId);
    await setReversalChild(tx, reversal.id, childTransactionId);
  });
}

/** Paymob definitely did not reverse anything: the amount is free again. Only a pending row can be released. */
export async function releaseReversal(
  db: Db,
  reversal: Pick<PaymentReversal, "id" | "attemptId">,
  reason: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockAttempt(tx, reversal.attemptId);
    return releasePendingReversal(tx, reversal.id, reason);
  });
}

/**
 * An admin checked Paymob's dashboard and the reversal is not there: frees a reservation Paymob never
 * confirmed. Never one Paymob answered (it named a child, so it happened), nor one whose request may still be
 * running: its call must have ended unconfirmed, or be older than any Paymob call can take.
 */
export async function releaseUnconfirmedReversal(
  db: Db,
  orderId: string,
  reversalId: number,
  reason: string,
): Promise<ReversalKind | null> {
  const reversal = await reversalOfOrder(db, orderId, reversalId);
  if (!reversal) return null;
  return db.transaction(async (tx) => {
    await lockAttempt(tx, reversal.attemptId);
    return releaseUnconfirmedRow(tx, reversal.id, reason);
  });
}
