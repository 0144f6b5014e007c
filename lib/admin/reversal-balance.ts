import type { PaymentTransaction } from "@/db/schema/payments";
import type { PaymentReversal, ReversalKind } from "@/db/schema/reversals";

// What may still be reversed on ONE captured Paymob transaction, and whether a new refund or void fits.
// Pure: lib/admin/reversals.ts reads the rows under the attempt's row lock and asks this.
//
//   refundable = captured − refunded (from verified callbacks) − pending reservations
//
// Verified refunds are read as the callback state machine reads them (lib/orders/payment-ledger.ts): refund
// children are distinct transactions whose amounts add up; a re-notified parent reports a running total, a
// floor; the reservations a verified callback settled are a floor too (their own child may never arrive), and
// refunded is the largest of the three. A reservation whose refund Paymob already reported is settled in the
// same DB transaction as that callback (lib/payments/settle-reversal.ts), so it is never pending and settled at once.

export type BalanceTransaction = Pick<
  PaymentTransaction,
  | "paymobTransactionId"
  | "fact"
  | "hasParentTransaction"
  | "parentTransactionId"
  | "amountCents"
  | "refundedAmountCents"
>;
export type BalanceReservation = Pick<PaymentReversal, "kind" | "amountMinor">;

export type ReversalBalance = {
  /** What the transaction captured; 0 when it is not a capture recorded for this attempt. */
  capturedMinor: number;
  refundedMinor: number;
  voided: boolean;
  pendingRefundMinor: number;
  pendingVoid: boolean;
  /** What a new refund may still take. */
  refundableMinor: number;
};

export type ReversalRequest = { kind: "refund"; amountMinor: number } | { kind: "void" };

export type ReversalRefusal =
  | "not_captured" // nothing captured under that transaction id
  | "voided"
  | "void_pending" // a void is awaiting Paymob: no refund may start
  | "refund_pending" // a refund is awaiting Paymob: no void may start
  | "refunded" // a void needs an untouched capture
  | "exceeds"; // more than what is refundable

export type ReversalDecision =
  { ok: true; kind: ReversalKind; amountMinor: number } | { ok: false; reason: ReversalRefusal };

/**
 * A child names its parent in `parent_transaction`. A child without one cannot be placed, so it is counted
 * against every capture of the attempt: understating what is refundable is safe, overstating it is not.
 */
const reverses = (t: BalanceTransaction, transactionId: number) =>
  t.hasParentTransaction
    ? t.parentTransactionId === null || t.parentTransactionId === transactionId
    : t.paymobTransactionId === transactionId;

/** `settledRefundsMinor`: the refund reservations on the transaction a verified callback settled. */
export function reversalBalance(
  transactionId: number,
  transactions: readonly BalanceTransaction[],
  pending: readonly BalanceReservation[],
  settledRefundsMinor = 0,
): ReversalBalance {
  const capture = transactions.find(
    (t) => t.paymobTransactionId === transactionId && (t.fact === "paid" || t.fact === "mismatch"),
  );
  const children = new Map<number, number>();
  let parentReported = 0;
  let voided = false;
  for (const t of transactions) {
    if (!reverses(t, transactionId)) continue;
    if (t.fact === "void") voided = true;
    if (t.fact !== "refund") continue;
    if (t.hasParentTransaction) children.set(t.paymobTransactionId, t.amountCents);
    else parentReported = Math.max(parentReported, t.refundedAmountCents ?? t.amountCents);
  }
  const capturedMinor = capture?.amountCents ?? 0;
  // max, not sum: a reservation settled by its own child is counted among the children too.
  const refundedMinor = Math.max(
    [...children.values()].reduce((sum, n) => sum + n, 0),
    parentReported,
    settledRefundsMinor,
  );
  const pendingRefundMinor = pending.filter((r) => r.kind === "refund").reduce((sum, r) => sum + r.amountMinor, 0);
  const pendingVoid = pending.some((r) => r.kind === "void");
  const open = capture && !voided && !pendingVoid;
  return {
    capturedMinor,
    refundedMinor,
    voided,
    pendingRefundMinor,
    pendingVoid,
    refundableMinor: open ? Math.max(0, capturedMinor - refundedMinor - pendingRefundMinor) : 0,
  };
}

/** Whether `request` may be reserved. A void takes the whole capture, so it needs one nothing has touched. */
export function decideReversal(balance: ReversalBalance, request: ReversalRequest): ReversalDecision {
  if (balance.capturedMinor === 0) return { ok: false, reason: "not_captured" };
  if (balance.voided) return { ok: false, reason: "voided" };
  if (balance.pendingVoid) return { ok: false, reason: "void_pending" };
  if (request.kind === "void") {
    if (balance.pendingRefundMinor > 0) return { ok: false, reason: "refund_pending" };
    if (balance.refundedMinor > 0) return { ok: false, reason: "refunded" };
    return { ok: true, kind: "void", amountMinor: balance.capturedMinor };
  }
  if (
    !Number.isSafeInteger(request.amountMinor) ||
    request.amountMinor <= 0 ||
    request.amountMinor > balance.refundableMinor
  ) {
    return { ok: false, reason: "exceeds" };
  }
  return { ok: true, kind: "refund", amountMinor: request.amountMinor };
}
