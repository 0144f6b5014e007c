import "server-only";
import type { Db, Tx } from "@/db/client";
import type { PaymentReversal } from "@/db/schema/reversals";
import {
  insertReservation,
  lockAttempt,
  orderStatusById,
  pendingReservations,
  transactionsOfOrder,
} from "@/lib/payments/reservation-queries";
import {
  decideAuthorisationRequest,
  type AuthorisationRefusal,
  type AuthorisationRequest,
} from "./authorisation-balance";
import { attemptLedger, type AuthorisationLedger } from "./ledger";

// Capture and void reservations for authorisations, in the same table and under the same attempt row lock as
// refunds (lib/admin/reversals.ts): the request is written BEFORE Paymob is called, in the transaction that
// reads what Paymob has reported about the authorisation and what is already awaiting Paymob on it. Two
// requests for one authorisation, from any process, check and reserve one after the other; the second sees
// the first and is refused. Paymob's answer and callback then release, keep or settle the row exactly as for
// refunds (lib/admin/send-reversal.ts, lib/payments/settle-reversal.ts).

export type AuthorisationReserveInput = AuthorisationRequest & {
  attemptId: string;
  /** The authorisation's Paymob transaction id. */
  transactionId: number;
  /** The admin's verified email. */
  requestedBy: string;
};

export type AuthorisationReserveResult =
  | { ok: true; reversal: PaymentReversal }
  | {
      ok: false;
      reason: AuthorisationRefusal | "no_attempt";
      authorisation?: AuthorisationLedger;
      orderAmountMinor?: number;
    };

export async function reserveAuthorisationRequest(
  db: Db,
  input: AuthorisationReserveInput,
): Promise<AuthorisationReserveResult> {
  return db.transaction(async (tx) => {
    const attempt = await lockAttempt(tx, input.attemptId);
    if (!attempt) return { ok: false, reason: "no_attempt" };
    // Separate statements after the lock: in READ COMMITTED each sees what the previous lock holder committed.
    const decided = await decide(tx, attempt, input);
    if (!decided.ok) return decided;
    const { decision } = decided;
    const reversal = await insertReservation(tx, attempt, {
      transactionId: input.transactionId,
      kind: decision.kind,
      amountMinor: decision.amountMinor,
      requestedBy: input.requestedBy,
    });
    return { ok: true, reversal };
  });
}

type Decided =
  | { ok: true; decision: Extract<ReturnType<typeof decideAuthorisationRequest>, { ok: true }> }
  | Extract<AuthorisationReserveResult, { ok: false }>;

async function decide(
  tx: Tx,
  attempt: { id: string; orderId: string; amountMinor: number },
  input: AuthorisationRequest & { transactionId: number },
): Promise<Decided> {
  const orderStatus = await orderStatusById(tx, attempt.orderId);
  if (!orderStatus) return { ok: false, reason: "no_attempt" };
  // The whole order's transactions: a second authorisation is only recognisable next to the first.
  const transactions = await transactionsOfOrder(tx, attempt.orderId);
  const pending = await pendingReservations(tx, input.transactionId);
  const authorisation = attemptLedger(transactions, attempt.id).authorisations.find(
    (a) => a.transactionId === input.transactionId,
  );
  const state = { authorisation, pending, orderStatus, orderAmountMinor: attempt.amountMinor };
  const decision = decideAuthorisationRequest(state, input);
  if (!decision.ok) return { ok: false, reason: decision.reason, authorisation, orderAmountMinor: attempt.amountMinor };
  return { ok: true, decision };
}

/**
 * Whether the request would fit now, for the admin's confirmation step: the same reads and rule as
 * reserveAuthorisationRequest, without the lock or the reservation (the confirmed request is decided again).
 */
export async function previewAuthorisationRequest(
  db: Db,
  attempt: { id: string; orderId: string; amountMinor: number },
  input: AuthorisationRequest & { transactionId: number },
): Promise<{ ok: true; amountMinor: number } | Extract<AuthorisationReserveResult, { ok: false }>> {
  return db.transaction(async (tx) => {
    const decided = await decide(tx, attempt, input);
    return decided.ok ? { ok: true, amountMinor: decided.decision.amountMinor } : decided;
  });
}
