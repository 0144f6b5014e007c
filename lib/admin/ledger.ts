import type { PaymentTransaction } from "@/db/schema/payments";

// What one payment attempt captured and what has been given back, from the transactions Paymob reported for it
// (payment_transactions, written only by the callback handler). The same reading as the callback state machine
// (lib/payments/attempt-context.ts): refund children are distinct transactions whose amounts add up; a
// re-notified parent reports a running refunded total, which is a floor. The admin never trusts its own
// requests here: a refund counts once Paymob's callback says it happened.

type LedgerTransaction = Pick<
  PaymentTransaction,
  "id" | "paymobTransactionId" | "fact" | "hasParentTransaction" | "amountCents" | "refundedAmountCents"
>;

export type AttemptLedger = {
  /** The Paymob transaction that took the money, the one to refund or void; null if nothing was captured. */
  capturedTransactionId: number | null;
  capturedMinor: number;
  refundedMinor: number;
  voided: boolean;
  /** What may still be refunded. */
  refundableMinor: number;
  /** A void cancels the whole payment, so only an untouched capture can be voided. */
  canVoid: boolean;
};

export function attemptLedger(transactions: readonly LedgerTransaction[]): AttemptLedger {
  const byId = [...transactions].sort((a, b) => a.id - b.id);
  const capture = byId.find((t) => !t.hasParentTransaction && (t.fact === "paid" || t.fact === "mismatch"));
  const childRefunds = new Map<number, number>();
  let parentReported = 0;
  let voided = false;
  for (const t of byId) {
    if (t.fact === "void") voided = true;
    if (t.fact !== "refund") continue;
    if (t.hasParentTransaction) childRefunds.set(t.paymobTransactionId, t.amountCents);
    else parentReported = Math.max(parentReported, t.refundedAmountCents ?? t.amountCents);
  }
  const capturedMinor = capture?.amountCents ?? 0;
  const refundedMinor = Math.max([...childRefunds.values()].reduce((sum, n) => sum + n, 0), parentReported);
  const refundableMinor = capture && !voided ? Math.max(0, capturedMinor - refundedMinor) : 0;
  return {
    capturedTransactionId: capture?.paymobTransactionId ?? null,
    capturedMinor,
    refundedMinor,
    voided,
    refundableMinor,
    canVoid: Boolean(capture) && !voided && refundedMinor === 0,
  };
}
