import type { PaymentTransaction } from "@/db/schema/payments";
import { moneyEntries, type MoneyEntry, type ReservationRow } from "@/lib/orders/payment-ledger";

// What one payment attempt captured and what has been given back, per Paymob transaction, from the transactions
// Paymob reported (payment_transactions, written only by the callback handler). The same reading as the callback
// state machine (lib/orders/payment-ledger.ts): refund children are distinct transactions whose amounts add up; a
// re-notified parent reports a running refunded total, which is a floor. The admin never trusts its own
// requests here: a capture or refund counts once Paymob's callback says it happened.

type LedgerTransaction = Pick<
  PaymentTransaction,
  | "id"
  | "paymobTransactionId"
  | "parentTransactionId"
  | "attemptId"
  | "fact"
  | "hasParentTransaction"
  | "isCapture"
  | "amountCents"
  | "refundedAmountCents"
>;

/** One capture (or sale): the Paymob transaction to refund or void. */
export type CaptureLedger = {
  transactionId: number;
  capturedMinor: number;
  refundedMinor: number;
  voided: boolean;
  refundableMinor: number;
  /** A void cancels the whole payment, so only an untouched capture can be voided. */
  canVoid: boolean;
  /** A second charge of an order that was already paid: refund it to the customer. */
  extra: boolean;
  /** The authorisation it captured, for a capture child. */
  authorisationId: number | null;
};

/** One authorisation: money held on the card until it is captured or voided. */
export type AuthorisationLedger = {
  transactionId: number;
  amountMinor: number;
  captured: boolean;
  voided: boolean;
  /** A second authorisation next to an earlier payment: release it, never capture it. */
  extra: boolean;
  canCapture: boolean;
  canVoid: boolean;
};

export type AttemptLedger = {
  /** The capture the attempt's payment stands on (its first that is not a second charge); null if none. */
  capturedTransactionId: number | null;
  capturedMinor: number;
  refundedMinor: number;
  voided: boolean;
  /** What may still be refunded of that capture. */
  refundableMinor: number;
  canVoid: boolean;
  /** Every capture of the attempt, in arrival order, the second charges included. */
  captures: CaptureLedger[];
  authorisations: AuthorisationLedger[];
};

function captureLedger(entry: MoneyEntry): CaptureLedger {
  return {
    transactionId: entry.transactionId,
    capturedMinor: entry.amountMinor,
    refundedMinor: entry.refundedMinor,
    voided: entry.voided,
    refundableMinor: entry.voided ? 0 : Math.max(0, entry.amountMinor - entry.refundedMinor),
    canVoid: !entry.voided && entry.refundedMinor === 0,
    extra: entry.extra,
    authorisationId: entry.parentTransactionId,
  };
}

function authorisationLedger(entry: MoneyEntry): AuthorisationLedger {
  const captured = entry.captureIds.length > 0;
  const open = !captured && !entry.voided;
  return {
    transactionId: entry.transactionId,
    amountMinor: entry.amountMinor,
    captured,
    voided: entry.voided,
    extra: entry.extra,
    canCapture: open && !entry.extra,
    canVoid: open,
  };
}

/**
 * The ledger of one attempt. Pass the whole order's transactions when you have them (a second charge is only
 * recognisable next to the order's other payments), or just the attempt's; and its reservations when you have
 * them (a settled refund counts even when its own child callback never arrived).
 */
export function attemptLedger(
  transactions: readonly LedgerTransaction[],
  attemptId?: string,
  reservations: readonly ReservationRow[] = [],
): AttemptLedger {
  const entries = moneyEntries(transactions, reservations).filter(
    (e) => attemptId === undefined || e.attemptId === attemptId,
  );
  const captures = entries.filter((e) => e.kind === "capture").map(captureLedger);
  const primary = captures.find((c) => !c.extra) ?? captures[0];
  return {
    capturedTransactionId: primary?.transactionId ?? null,
    capturedMinor: primary?.capturedMinor ?? 0,
    refundedMinor: primary?.refundedMinor ?? 0,
    voided: primary?.voided ?? false,
    refundableMinor: primary?.refundableMinor ?? 0,
    canVoid: primary?.canVoid ?? false,
    captures,
    authorisations: entries.filter((e) => e.kind === "authorisation").map(authorisationLedger),
  };
}

/** The capture a refund or void request targets: the one it names, else the attempt's own. */
export function captureToReverse(ledger: AttemptLedger, transactionId?: number): CaptureLedger | undefined {
  if (transactionId === undefined) return ledger.captures.find((c) => c.transactionId === ledger.capturedTransactionId);
  return ledger.captures.find((c) => c.transactionId === transactionId);
}
