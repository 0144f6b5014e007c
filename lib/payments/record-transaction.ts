import "server-only";
import type { Tx } from "@/db/client";
import type { OrderStatus } from "@/db/schema/orders";
import type { PaymobTransaction } from "@/lib/paymob/reshape";
import { orderEmailDue } from "@/lib/mail/order-email-due";
import type { Transition } from "@/lib/orders/state-machine";
import type { FactKind } from "@/lib/orders/transaction-facts";
import type { LockedAttempt } from "./attempt-context";
import { PaymentsDataError } from "./errors";
import { recordTransactionRow } from "./hot-path-writes";

export type RecordInput = {
  obj: PaymobTransaction;
  fingerprint: string;
  locked: LockedAttempt;
  fact: FactKind;
  transition: Transition;
  detail: string;
  source: string;
  rawBody: string;
  signature: string | null;
};

/** Facts that describe the attempt's own payment (not a refund/void of it): their id is the attempt's transaction.
 * A capture replaces its authorisation there, so refunds and voids go to the transaction that took the money. */
const PAYMENT_FACTS: ReadonlySet<FactKind> = new Set([
  "paid",
  "mismatch",
  "authorised",
  "errored",
  "declined",
  "pending",
]);
/** No money captured yet: unpaid, or only authorised. */
const UNCAPTURED: ReadonlySet<OrderStatus> = new Set(["awaiting_payment", "payment_failed", "authorised"]);
/** Facts that show money was captured: a payment, or the reversal of one (which may arrive first). Not an
 * authorisation, and not an error report, which prove nothing either way. */
const CAPTURE_FACTS: ReadonlySet<FactKind> = new Set(["paid", "mismatch", "refund", "void"]);

/**
 * Stores the event and the transaction row and moves the order and attempt in ONE statement: each round trip
 * inside the order lock costs every concurrent callback for that order, and under load the whole pool
 * (scripts/bench/callbacks.ts measured 8 statements per callback before, 5 now with BEGIN/COMMIT). The
 * statement and how it dedupes: hot-path-writes.ts.
 */
export async function recordTransaction(
  tx: Tx,
  input: RecordInput,
): Promise<{ eventId: number; applied: boolean; emailQueued: boolean }> {
  const { obj, locked, transition } = input;
  const orderMoves = transition.order !== locked.orderStatus || transition.refundedMinor !== undefined;
  // The first move past the uncaptured states means Paymob captured money (even if it was then reversed). An
  // authorisation is only a hold, and voiding one never captured anything.
  const voidedHold = locked.orderStatus === "authorised" && transition.order === "voided";
  const moneyArrived =
    CAPTURE_FACTS.has(input.fact) &&
    UNCAPTURED.has(locked.orderStatus) &&
    !UNCAPTURED.has(transition.order) &&
    !voidedHold;
  const attemptMoves = transition.attempt !== locked.attemptStatus;
  const email = orderMoves
    ? orderEmailDue({
        from: locked.orderStatus,
        to: transition.order,
        refundedBefore: locked.orderRefundedMinor,
        refundedAfter: transition.refundedMinor,
      })
    : null;
  const summary = {
    source: input.source,
    reason: transition.reason,
    attemptFrom: locked.attemptStatus,
    attemptTo: transition.attempt,
    detail: input.detail,
  };

  const row = await recordTransactionRow(tx, {
    transactionId: obj.id,
    fingerprint: input.fingerprint,
    attemptId: locked.attemptId,
    orderId: locked.orderId,
    success: obj.success,
    pending: obj.pending,
    amountCents: obj.amountMinor,
    currency: obj.currency,
    isRefunded: obj.isRefunded,
    isVoided: obj.isVoided,
    hasParent: obj.hasParentTransaction,
    isCapture: obj.isCapture,
    parentTransactionId: obj.parentTransactionId ?? null,
    refundedAmountCents: obj.refundedMinor ?? null,
    fact: input.fact,
    fromStatus: locked.orderStatus,
    toStatus: transition.order,
    attemptTo: transition.attempt,
    summary: JSON.stringify(summary),
    source: input.source,
    rawBody: input.rawBody,
    signature: input.signature,
    paymobOrderId: obj.paymobOrderId,
    merchantOrderId: obj.merchantOrderId ?? null,
    reason: transition.reason,
    detail: input.detail,
    refundedMinor: transition.refundedMinor ?? null,
    moneyArrived,
    orderMoves,
    attemptMoves,
    // A second charge is refunded on its own; the attempt keeps pointing at the payment the order stands on.
    paymentFact: PAYMENT_FACTS.has(input.fact) && transition.reason !== "double_payment",
    emailKind: email?.kind ?? null,
    emailKey: email?.eventKey ?? "",
    emailAmount: email?.amountMinor ?? null,
  });
  if (!row)
    throw new PaymentsDataError(
      "no_row",
      `recording transaction ${obj.id} for order ${locked.orderReference} returned nothing`,
    );
  // PGlite and node-postgres both return a boolean column as a boolean.
  return { eventId: Number(row.id), applied: row.outcome !== "duplicate", emailQueued: row.emailQueued === true };
}
