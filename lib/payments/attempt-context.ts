import "server-only";
import type { Tx } from "@/db/client";
import type { OrderStatus } from "@/db/schema/orders";
import type { AttemptStatus } from "@/db/schema/payments";
import type { PaymobTransaction } from "@/lib/paymob/reshape";
import {
  moneyEntries,
  paymentContext,
  type LedgerRow,
  type PaymentContext,
  type ReservationRow,
} from "@/lib/orders/payment-ledger";
import { PaymentsDataError } from "./errors";
import { lockAttemptRow, orderContextRow, type LedgerJson, type ReservationJson } from "./hot-path-reads";

export type LockedAttempt = {
  attemptId: string;
  attemptStatus: AttemptStatus;
  amountMinor: number;
  currency: string;
  intentionOrderId: number | null;
  paymobTransactionId: number | null;
  orderId: string;
  orderReference: string;
  orderStatus: OrderStatus;
  orderRefundedMinor: number;
};

/**
 * Finds the attempt a transaction belongs to and locks it and its order (`FOR UPDATE`), so concurrent
 * deliveries for one order apply one after another. Matching is by Paymob's order id, which is signed. The
 * unsigned fallbacks only apply where the signed id cannot contradict them: our special_reference for an
 * attempt whose intention response never reached us, and the parent transaction for a refund/void child.
 */
export async function lockAttemptFor(tx: Tx, obj: PaymobTransaction): Promise<LockedAttempt | undefined> {
  const reference = obj.merchantOrderId || undefined;
  const parent = obj.hasParentTransaction && obj.parentTransactionId ? obj.parentTransactionId : undefined;
  const row = await lockAttemptRow(tx, { paymobOrderId: obj.paymobOrderId, reference, parent });
  if (!row) return undefined;
  return {
    ...row,
    intentionOrderId: row.intentionOrderId === null ? null : Number(row.intentionOrderId),
    paymobTransactionId: row.paymobTransactionId === null ? null : Number(row.paymobTransactionId),
  };
}

export type OrderContext = PaymentContext & {
  /** Whether the order's status follows this attempt (see TransitionInput.attemptOwnsOrder). */
  attemptOwnsOrder: boolean;
};

/**
 * Everything the state machine needs besides the statuses, in one round trip. Must run after lockAttemptFor,
 * as its own statement: in READ COMMITTED a new statement sees what the previous lock holder committed.
 */
export async function loadOrderContext(tx: Tx, locked: LockedAttempt, obj: PaymobTransaction): Promise<OrderContext> {
  const row = await orderContextRow(tx, locked.orderId);
  if (!row) throw new PaymentsDataError("vanished", `order ${locked.orderId} vanished under its lock`);
  const unpaid = locked.orderStatus === "awaiting_payment" || locked.orderStatus === "payment_failed";
  const owner = unpaid ? row.latestAttemptId : (row.settlingAttemptId ?? locked.attemptId);
  const rows = parsed(row.transactions).map((r: LedgerJson): LedgerRow => ({
    ...r,
    id: Number(r.id),
    paymobTransactionId: Number(r.paymobTransactionId),
    parentTransactionId: nullableNumber(r.parentTransactionId),
  }));
  const reservations = parsed(row.reservations).map((r: ReservationJson): ReservationRow => ({
    ...r,
    paymobTransactionId: Number(r.paymobTransactionId),
    childTransactionId: nullableNumber(r.childTransactionId),
  }));
  return {
    attemptOwnsOrder: owner === locked.attemptId,
    ...paymentContext(moneyEntries(rows, reservations), obj, locked.attemptId, reservations),
  };
}

/** Drivers parse json; tolerate one that hands back the text. */
const parsed = <T>(json: T[] | string): T[] => (typeof json === "string" ? (JSON.parse(json) as T[]) : json);
const nullableNumber = (n: number | string | null) => (n === null ? null : Number(n));
