import type { TransactionObject } from "@/lib/paymob/callbacks";

// What a Paymob transaction *means*, decided from its flags alone (Paymob's callback docs, "Manage Callback"):
// success=true is not "paid" — a refund child is also success=true, a refunded or voided parent is re-notified
// with success=true plus is_refunded / is_voided, an authorisation (is_auth) only holds the money until a
// capture child (is_capture) takes it, and error_occured=true means Paymob itself is not sure what happened.
// Pure: no I/O, no clock.

/** The transaction fields classification reads; a subset of the validated callback object. */
export type TransactionFlags = Pick<
  TransactionObject,
  "success" | "pending" | "is_auth" | "is_capture" | "is_voided" | "is_refunded" | "error_occured" | "has_parent_transaction" | "amount_cents" | "currency"
> &
  Partial<Pick<TransactionObject, "refunded_amount_cents" | "is_void">>;

/** Refunds already recorded against the payment this transaction reverses (from payment_transactions). */
export type RefundLedger = {
  /** Sum of the distinct successful refund child transactions seen so far (their amounts are signed). */
  childRefundsMinor: number;
  /** Highest `refunded_amount_cents` a re-notified parent has reported so far (unsigned, so only a floor). */
  parentReportedMinor: number;
  /** What the reversed transaction actually captured (or authorised), when known; otherwise the attempt amount. */
  capturedMinor?: number;
};

export const EMPTY_LEDGER: RefundLedger = { childRefundsMinor: 0, parentReportedMinor: 0 };

export type Expected = { amountMinor: number; currency: string };

export type TransactionFact =
  | { kind: "paid" }
  /** An authorisation: the card is good for the amount, nothing is charged until a capture. `mismatch` when it
   * is not for the amount or currency asked, which then needs a person. */
  | { kind: "authorised"; mismatch?: string }
  | { kind: "mismatch"; detail: string }
  /** success=true together with error_occured=true: never paid, a person has to look. */
  | { kind: "errored"; detail: string }
  | { kind: "declined" }
  | { kind: "pending" }
  | { kind: "refund"; via: "parent" | "child"; refundedTotalMinor: number; full: boolean }
  | { kind: "void"; via: "parent" | "child" }
  | { kind: "ignored"; detail: string };
export type FactKind = TransactionFact["kind"];

/** A refund or void child: a new transaction pointing at the payment it gives back (docs/paymob.md
 * § "State flags"). A capture is also a child of its authorisation, but it takes money; read like a payment below. */
export const isReversalChild = (tx: Pick<TransactionFlags, "has_parent_transaction" | "is_capture">) => tx.has_parent_transaction && !tx.is_capture;

export function classifyTransaction(tx: TransactionFlags, expected: Expected, ledger: RefundLedger = EMPTY_LEDGER): TransactionFact {
  const captured = ledger.capturedMinor ?? expected.amountMinor;
  const alreadyRefunded = Math.max(ledger.childRefundsMinor, ledger.parentReportedMinor);

  if (isReversalChild(tx)) {
    // A child that did not go through refunded nothing. Its own amount is signed, so refunds are summed from children.
    if (!tx.success || tx.pending) return { kind: "ignored", detail: "refund/void child did not succeed" };
    if (tx.error_occured) return { kind: "errored", detail: "refund/void child reports success with error_occured" };
    if (tx.currency !== expected.currency) return { kind: "ignored", detail: `child currency ${tx.currency} ≠ ${expected.currency}` };
    // A void reverses the whole payment. Paymob marks void children only with unsigned `is_void`, so a
    // "void" smaller than the capture is counted as the refund it then has to be.
    if ((tx.is_voided || tx.is_void === true) && tx.amount_cents >= captured) return { kind: "void", via: "child" };
    const total = Math.max(ledger.childRefundsMinor + tx.amount_cents, ledger.parentReportedMinor);
    return { kind: "refund", via: "child", refundedTotalMinor: total, full: total >= captured };
  }

  // From here on: the payment itself — a sale, an authorisation, or the capture child of an authorisation.
  if (tx.has_parent_transaction && (!tx.success || tx.pending)) return { kind: "ignored", detail: "capture did not succeed" };
  if (!tx.success) return tx.pending ? { kind: "pending" } : { kind: "declined" };
  if (tx.pending) return { kind: "pending" }; // success with pending is not settled money
  if (tx.error_occured) return { kind: "errored", detail: "success with error_occured: Paymob reported an error on this transaction" };
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
  // An authorisation stays one even when re-notified with is_capture=true after its capture (the capture itself
  // arrives as its own child transaction): only a capture child or a plain sale is ever paid.
  if (tx.is_auth && !tx.has_parent_transaction) return mismatches.length > 0 ? { kind: "authorised", mismatch: mismatches.join(", ") } : { kind: "authorised" };
  if (mismatches.length > 0) return { kind: "mismatch", detail: mismatches.join(", ") };
  return { kind: "paid" };
}
