import type { PaymobTransaction } from "@/lib/paymob/reshape";

// What a Paymob transaction *means*, decided from its flags alone (Paymob's callback docs, "Manage Callback"):
// success=true is not "paid" — a refund child is also success=true, a refunded or voided parent is re-notified
// with success=true plus isRefunded / isVoided, an authorisation (isAuth) only holds the money until a
// capture child (isCapture) takes it, and errorOccurred (Paymob's `error_occured`) means Paymob itself is not sure
// what happened.
// Pure: no I/O, no clock.

/** The transaction fields classification reads; a subset of the reshaped Paymob transaction. */
export type TransactionFlags = Pick<
  PaymobTransaction,
  | "success"
  | "pending"
  | "isAuth"
  | "isCapture"
  | "isVoided"
  | "isRefunded"
  | "errorOccurred"
  | "hasParentTransaction"
  | "amountMinor"
  | "currency"
> &
  Partial<Pick<PaymobTransaction, "refundedMinor" | "isVoid">>;

/** Refunds already recorded against the payment this transaction reverses (from payment_transactions). */
export type RefundLedger = {
  /** Sum of the distinct successful refund child transactions seen so far (their amounts are signed). */
  childRefundsMinor: number;
  /** Highest refunded total (`refunded_amount_cents`) a re-notified parent has reported so far (unsigned, so only a floor). */
  parentReportedMinor: number;
  /**
   * The admin's refund reservations on that payment a verified callback settled, with the one this callback
   * settles (lib/orders/payment-ledger.ts): Paymob confirmed them even when their own child never arrived.
   */
  settledRefundsMinor?: number;
  /** What the reversed transaction actually captured (or authorised), when known; otherwise the attempt amount. */
  capturedMinor?: number;
};

const EMPTY_LEDGER: RefundLedger = { childRefundsMinor: 0, parentReportedMinor: 0 };

export type Expected = { amountMinor: number; currency: string };

export type TransactionFact =
  | { kind: "paid" }
  /** An authorisation: the card is good for the amount, nothing is charged until a capture. `mismatch` when it
   * is not for the amount or currency asked, which then needs a person. */
  | { kind: "authorised"; mismatch?: string }
  | { kind: "mismatch"; detail: string }
  /** success=true together with errorOccurred=true: never paid, a person has to look. */
  | { kind: "errored"; detail: string }
  | { kind: "declined" }
  | { kind: "pending" }
  | { kind: "refund"; via: "parent" | "child"; refundedTotalMinor: number; full: boolean }
  | { kind: "void"; via: "parent" | "child" }
  | { kind: "ignored"; detail: string };
export type FactKind = TransactionFact["kind"];

/** A refund or void child: a new transaction pointing at the payment it gives back (docs/paymob.md
 * § "State flags"). A capture is also a child of its authorisation, but it takes money; read like a payment below. */
export const isReversalChild = (tx: Pick<TransactionFlags, "hasParentTransaction" | "isCapture">) =>
  tx.hasParentTransaction && !tx.isCapture;

export function classifyTransaction(
  tx: TransactionFlags,
  expected: Expected,
  ledger: RefundLedger = EMPTY_LEDGER,
): TransactionFact {
  const captured = ledger.capturedMinor ?? expected.amountMinor;
  // Three floors of the same money, never parts of it: a reservation settled by its own child is in both sums.
  const settled = ledger.settledRefundsMinor ?? 0;
  const alreadyRefunded = Math.max(ledger.childRefundsMinor, ledger.parentReportedMinor, settled);

  if (isReversalChild(tx)) {
    // A child that did not go through refunded nothing. Its own amount is signed, so refunds are summed from children.
    if (!tx.success || tx.pending) return { kind: "ignored", detail: "refund/void child did not succeed" };
    if (tx.errorOccurred) return { kind: "errored", detail: "refund/void child reports success with error_occured" };
    if (tx.currency !== expected.currency)
      return { kind: "ignored", detail: `child currency ${tx.currency} ≠ ${expected.currency}` };
    // A void reverses the whole payment. Paymob marks void children only with unsigned `is_void`, so a
    // "void" smaller than the capture is counted as the refund it then has to be.
    if ((tx.isVoided || tx.isVoid === true) && tx.amountMinor >= captured) return { kind: "void", via: "child" };
    const total = Math.max(ledger.childRefundsMinor + tx.amountMinor, ledger.parentReportedMinor, settled);
    return { kind: "refund", via: "child", refundedTotalMinor: total, full: total >= captured };
  }

  // From here on: the payment itself — a sale, an authorisation, or the capture child of an authorisation.
  if (tx.hasParentTransaction && (!tx.success || tx.pending))
    return { kind: "ignored", detail: "capture did not succeed" };
  if (!tx.success) return tx.pending ? { kind: "pending" } : { kind: "declined" };
  if (tx.pending) return { kind: "pending" }; // success with pending is not settled money
  if (tx.errorOccurred)
    return { kind: "errored", detail: "success with error_occured: Paymob reported an error on this transaction" };
  if (tx.isVoided) return { kind: "void", via: "parent" };
  if (tx.isRefunded) {
    // The re-notified parent carries its own (signed) captured amount; its refunded total is unsigned.
    const reported = tx.refundedMinor ?? tx.amountMinor;
    const total = Math.max(alreadyRefunded, reported);
    return { kind: "refund", via: "parent", refundedTotalMinor: total, full: total >= tx.amountMinor };
  }
  const mismatches = [
    tx.amountMinor !== expected.amountMinor && `amount ${tx.amountMinor} ≠ ${expected.amountMinor}`,
    tx.currency !== expected.currency && `currency ${tx.currency} ≠ ${expected.currency}`,
  ].filter((m): m is string => typeof m === "string");
  // An authorisation stays one even when re-notified with is_capture=true after its capture (the capture itself
  // arrives as its own child transaction): only a capture child or a plain sale is ever paid.
  if (tx.isAuth && !tx.hasParentTransaction)
    return mismatches.length > 0 ? { kind: "authorised", mismatch: mismatches.join(", ") } : { kind: "authorised" };
  if (mismatches.length > 0) return { kind: "mismatch", detail: mismatches.join(", ") };
  return { kind: "paid" };
}
