import type { TransactionObject } from "@/lib/paymob/callbacks";

// What a Paymob transaction *means*, decided from its flags alone (research notes §6.1 and pitfall §8.11):
// success=true is not "paid" — a refund child is also success=true, and a refunded or voided parent is
// re-notified with success=true plus is_refunded / is_voided. Pure: no I/O, no clock.

/** The transaction fields classification reads; a subset of the validated callback object. */
export type TransactionFlags = Pick<
  TransactionObject,
  "success" | "pending" | "is_voided" | "is_refunded" | "has_parent_transaction" | "amount_cents" | "currency"
> &
  Partial<Pick<TransactionObject, "refunded_amount_cents" | "is_void">>;

/** Refunds already recorded for the attempt before this transaction (from payment_transactions). */
export type RefundLedger = {
  /** Sum of the distinct successful refund child transactions seen so far (their amounts are signed). */
  childRefundsMinor: number;
  /** Highest `refunded_amount_cents` a re-notified parent has reported so far (unsigned, so only a floor). */
  parentReportedMinor: number;
  /** What the paying transaction actually captured, when known; otherwise the attempt amount. */
  capturedMinor?: number;
};

export const EMPTY_LEDGER: RefundLedger = { childRefundsMinor: 0, parentReportedMinor: 0 };

export type Expected = { amountMinor: number; currency: string };

export type TransactionFact =
  | { kind: "paid" }
  | { kind: "mismatch"; detail: string }
  | { kind: "declined" }
  | { kind: "pending" }
  | { kind: "refund"; via: "parent" | "child"; refundedTotalMinor: number; full: boolean }
  | { kind: "void"; via: "parent" | "child" }
  | { kind: "ignored"; detail: string };
export type FactKind = TransactionFact["kind"];

export function classifyTransaction(tx: TransactionFlags, expected: Expected, ledger: RefundLedger = EMPTY_LEDGER): TransactionFact {
  const captured = ledger.capturedMinor ?? expected.amountMinor;
  const alreadyRefunded = Math.max(ledger.childRefundsMinor, ledger.parentReportedMinor);

  if (tx.has_parent_transaction) {
    // A refund or void is a new child transaction pointing at the paid one (§4.1). A child that did not go
    // through refunded nothing. Its own amount is signed, so refunds are summed from children.
    if (!tx.success || tx.pending) return { kind: "ignored", detail: "refund/void child did not succeed" };
    if (tx.currency !== expected.currency) return { kind: "ignored", detail: `child currency ${tx.currency} ≠ ${expected.currency}` };
    // A void reverses the whole payment. Paymob marks void children only with unsigned `is_void`, so a
    // "void" smaller than the capture is counted as the refund it then has to be.
    if ((tx.is_voided || tx.is_void === true) && tx.amount_cents >= captured) return { kind: "void", via: "child" };
    const total = Math.max(ledger.childRefundsMinor + tx.amount_cents, ledger.parentReportedMinor);
    return { kind: "refund", via: "child", refundedTotalMinor: total, full: total >= captured };
  }

  if (!tx.success) return tx.pending ? { kind: "pending" } : { kind: "declined" };
  if (tx.pending) return { kind: "pending" }; // success with pending is not settled money
  if (tx.is_voided) return { kind: "void", via: "parent" };
  if (tx.is_refunded) {
    // The re-notified parent carries its own (signed) captured amount; refunded_amount_cents is unsigned.
    const reported = tx.refunded_amount_cents ?? tx.amount_cents;
    const total = Math.max(alreadyRefunded, reported);
    return { kind: "refund", via: "parent", refundedTotalMinor: total, full: total >= tx.amount_cents };
  }
  const mismatches = [
    tx.amount_cents !== expected.amountMinor && `amount ${tx.amount_cents} ≠ ${expected.amountMinor}`,
    tx.currency !== expected.currency && `currency ${tx.currency} ≠ ${expected.currency}`,
  ].filter((m): m is string => typeof m === "string");
  if (mismatches.length > 0) return { kind: "mismatch", detail: mismatches.join(", ") };
  return { kind: "paid" };
}
