import type { PaymobTransaction } from "@/lib/paymob/reshape";
import { isReversalChild, type RefundLedger } from "./transaction-facts";

// Where an order's money is, per Paymob transaction, read from the transactions recorded for it
// (payment_transactions, written only by the callback handler). Shared by the callback state machine and the
// admin page, so both agree on which payment a refund belongs to and which capture is a second charge.
// The admin's refund reservations (payment_reversals) are one more input: one the callback handler settled is
// money Paymob confirmed through a verified callback (its own child, or a parent's total that covers it), even
// when that child's callback never arrives, so the SQL that settles them (lib/payments/hot-path-writes.ts,
// RESOLVE) and this reading agree on what was given back.
// Pure: the rows in, the reading out.

/** The recorded columns this reading needs; one row per distinct state of a Paymob transaction. */
export type LedgerRow = {
  /** Row id: arrival order. */
  id: number;
  paymobTransactionId: number;
  parentTransactionId: number | null;
  attemptId: string | null;
  fact: string | null;
  hasParentTransaction: boolean;
  isCapture: boolean;
  amountCents: number;
  refundedAmountCents: number | null;
};

/** An admin refund or void reservation, as recorded in payment_reversals. */
export type ReservationRow = {
  /** The capture it reverses. */
  paymobTransactionId: number;
  kind: string;
  status: string;
  amountMinor: number;
  /** The child transaction Paymob's answer (or the callback that settled it) named. */
  childTransactionId: number | null;
};

const isRefund = (r: ReservationRow, status: string, transactionId: number) =>
  r.kind === "refund" && r.status === status && r.paymobTransactionId === transactionId;

/** A Paymob transaction that took money (a capture or sale) or holds it (an authorisation). */
export type MoneyEntry = {
  transactionId: number;
  attemptId: string | null;
  kind: "authorisation" | "capture";
  amountMinor: number;
  /** A capture child's authorisation. */
  parentTransactionId: number | null;
  /** Arrived while another, unrelated payment already held or took money for the order: a second charge. */
  extra: boolean;
  /** Refund children summed once each (signed amounts), and the highest total a re-notified parent reported. */
  childRefundsMinor: number;
  parentReportedMinor: number;
  /** The admin's refund reservations on it that a verified callback settled. */
  settledRefundsMinor: number;
  /**
   * Given back so far: the largest of the three above. Each is a floor of the same money, not a separate part
   * of it (a reservation settled by its own child is in both the children and the settled sum): max, not sum.
   */
  refundedMinor: number;
  voided: boolean;
  /** For an authorisation: the captures of it seen so far. */
  captureIds: number[];
};

const MONEY_FACTS: Readonly<Record<string, MoneyEntry["kind"]>> = {
  authorised: "authorisation",
  paid: "capture",
  mismatch: "capture",
};

type Linked = Pick<MoneyEntry, "transactionId" | "parentTransactionId" | "kind">;

/**
 * Two payments are one charge when one captures the other: an authorisation and its capture child. Anything
 * else that holds or takes money next to an earlier payment charges the customer a second time.
 */
function sameCharge(a: Linked, b: Linked): boolean {
  const captures = (capture: Linked, auth: Linked) =>
    auth.kind === "authorisation" && capture.parentTransactionId === auth.transactionId;
  return a.transactionId === b.transactionId || captures(a, b) || captures(b, a);
}

/** Every payment of the order, in arrival order, with what has been given back on each. */
export function moneyEntries(rows: readonly LedgerRow[], reservations: readonly ReservationRow[] = []): MoneyEntry[] {
  const sorted = [...rows].sort((a, b) => a.id - b.id);
  const entries: MoneyEntry[] = [];
  for (const row of sorted) {
    const kind = row.fact ? MONEY_FACTS[row.fact] : undefined;
    if (!kind || entries.some((e) => e.transactionId === row.paymobTransactionId)) continue;
    const entry: MoneyEntry = {
      transactionId: row.paymobTransactionId,
      attemptId: row.attemptId,
      kind,
      amountMinor: row.amountCents,
      parentTransactionId: kind === "capture" && row.hasParentTransaction ? row.parentTransactionId : null,
      extra: false,
      childRefundsMinor: 0,
      parentReportedMinor: 0,
      settledRefundsMinor: 0,
      refundedMinor: 0,
      voided: false,
      captureIds: [],
    };
    entry.extra = entries.some((earlier) => !sameCharge(entry, earlier));
    entries.push(entry);
  }
  for (const entry of entries) {
    entry.captureIds = entries
      .filter((e) => e.kind === "capture" && e.parentTransactionId === entry.transactionId)
      .map((e) => e.transactionId);
    entry.settledRefundsMinor = sumOf(reservations.filter((r) => isRefund(r, "settled", entry.transactionId)));
  }

  const children = new Map<number, Set<number>>(); // target → refund child ids already counted
  for (const row of sorted) {
    if (row.fact !== "refund" && row.fact !== "void") continue;
    const child = isReversalChild(row);
    const target = find(
      entries,
      child ? (row.parentTransactionId ?? defaultTarget(entries, row.attemptId)) : row.paymobTransactionId,
    );
    if (!target) continue;
    if (row.fact === "void") {
      target.voided = true;
    } else if (child) {
      const seen = children.get(target.transactionId) ?? new Set<number>();
      if (!seen.has(row.paymobTransactionId)) target.childRefundsMinor += row.amountCents;
      children.set(target.transactionId, seen.add(row.paymobTransactionId));
    } else {
      target.parentReportedMinor = Math.max(target.parentReportedMinor, row.refundedAmountCents ?? row.amountCents);
    }
  }
  for (const entry of entries)
    entry.refundedMinor = Math.max(entry.childRefundsMinor, entry.parentReportedMinor, entry.settledRefundsMinor);
  return entries;
}

const sumOf = (reservations: readonly ReservationRow[]) => reservations.reduce((sum, r) => sum + r.amountMinor, 0);

const find = (entries: readonly MoneyEntry[], transactionId: number | null | undefined) =>
  transactionId == null ? undefined : entries.find((e) => e.transactionId === transactionId);

/**
 * The payment a refund/void child gives back when it does not name its parent (parent_transaction is unsigned
 * and optional): the attempt's own capture, else its authorisation.
 */
function defaultTarget(entries: readonly MoneyEntry[], attemptId: string | null): number | null {
  const own = entries.filter((e) => e.attemptId === attemptId);
  const pick = own.find((e) => e.kind === "capture" && !e.extra) ?? own.find((e) => e.kind === "capture") ?? own[0];
  return pick?.transactionId ?? null;
}

/** What an incoming transaction reads against the recorded payments. */
export type IncomingTransaction = Pick<
  PaymobTransaction,
  "id" | "hasParentTransaction" | "isAuth" | "isCapture" | "parentTransactionId"
> &
  Partial<Pick<PaymobTransaction, "amountMinor">>;

export type PaymentContext = {
  /** The refunds already recorded against the payment this transaction would reverse. */
  ledger: RefundLedger;
  /** Another payment already holds or took money for the order: if this one pays too, it is a second charge. */
  otherPayment: boolean;
  /** A refund/void of this transaction would give back a second charge, not the payment the order stands on. */
  reversesExtraCapture: boolean;
};

/**
 * `entries` read with the order's reservations (moneyEntries); `reservations` again, pending ones included, so a
 * refund child's total counts the reservation its callback is about to settle.
 */
export function paymentContext(
  entries: readonly MoneyEntry[],
  tx: IncomingTransaction,
  attemptId: string,
  reservations: readonly ReservationRow[] = [],
): PaymentContext {
  const child = isReversalChild(tx);
  const target = find(entries, child ? (tx.parentTransactionId ?? defaultTarget(entries, attemptId)) : tx.id);
  const settling = child && target ? settledByChild(reservations, tx, target.transactionId) : 0;
  const incoming: Linked = {
    transactionId: tx.id,
    parentTransactionId: tx.hasParentTransaction ? (tx.parentTransactionId ?? null) : null,
    kind: tx.isAuth && !tx.hasParentTransaction ? "authorisation" : "capture",
  };
  return {
    ledger: {
      childRefundsMinor: target?.childRefundsMinor ?? 0,
      parentReportedMinor: target?.parentReportedMinor ?? 0,
      settledRefundsMinor: (target?.settledRefundsMinor ?? 0) + settling,
      capturedMinor: target?.amountMinor,
    },
    otherPayment: !child && entries.some((e) => !sameCharge(incoming, e)),
    reversesExtraCapture: target?.extra === true,
  };
}

/**
 * What a refund child's callback will settle on `target`, mirroring RESOLVE's rule for a child: the pending
 * reservation Paymob's answer tied to this child, else (no reservation names it) a pending one on the target
 * that never saw an answer, of the same amount. A reservation already settled (by a parent's total that
 * covered it) is in the settled sum already, so it adds nothing.
 */
function settledByChild(reservations: readonly ReservationRow[], tx: IncomingTransaction, target: number): number {
  const named = reservations.find((r) => r.childTransactionId === tx.id);
  if (named) return isRefund(named, "pending", target) ? named.amountMinor : 0;
  const unanswered = reservations.find(
    (r) => isRefund(r, "pending", target) && r.childTransactionId === null && r.amountMinor === tx.amountMinor,
  );
  return unanswered?.amountMinor ?? 0;
}
