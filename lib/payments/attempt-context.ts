import "server-only";
import { and, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { orders, type OrderStatus } from "@/db/schema/orders";
import { paymentAttempts, paymentTransactions, type AttemptStatus } from "@/db/schema/payments";
import type { PaymobTransaction } from "@/lib/paymob/reshape";
import { moneyEntries, paymentContext, type LedgerRow, type PaymentContext } from "@/lib/orders/payment-ledger";
import { preparedStatement, type PreparedStatement } from "./prepared-statement";

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

type LockRow = Omit<LockedAttempt, "intentionOrderId" | "paymobTransactionId"> & {
  intentionOrderId: Int8 | null;
  paymobTransactionId: Int8 | null;
};
/** How an int8 column arrives: node-postgres and Neon return a string, PGlite a number or bigint. */
type Int8 = string | number | bigint;

/**
 * Finds the attempt a transaction belongs to and locks it and its order (`FOR UPDATE`), so concurrent
 * deliveries for one order apply one after another. Matching is by Paymob's order id, which is signed. The
 * unsigned fallbacks only apply where the signed id cannot contradict them: our special_reference for an
 * attempt whose intention response never reached us, and the parent transaction for a refund/void child.
 */
export async function lockAttemptFor(tx: Tx, obj: PaymobTransaction): Promise<LockedAttempt | undefined> {
  const reference = obj.merchantOrderId || undefined;
  const parent = obj.hasParentTransaction && obj.parentTransactionId ? obj.parentTransactionId : undefined;
  const statement = LOCK_STATEMENTS[`${reference === undefined ? "" : "r"}${parent === undefined ? "" : "p"}`];
  const [row] = await statement(tx, { paymobOrderId: obj.paymobOrderId, reference, parent });
  if (!row) return undefined;
  return {
    ...row,
    intentionOrderId: row.intentionOrderId === null ? null : Number(row.intentionOrderId),
    paymobTransactionId: row.paymobTransactionId === null ? null : Number(row.paymobTransactionId),
  };
}

const LOCK_COLUMNS = ["attemptId", "attemptStatus", "amountMinor", "currency", "intentionOrderId", "paymobTransactionId", "orderId", "orderReference", "orderStatus", "orderRefundedMinor"] as const;

/**
 * One fixed text per combination of fallbacks rather than `$n is null or …` guards, so each keeps a plan that
 * uses the index of every column it matches on.
 */
function lockStatement(byReference: boolean, byParent: boolean) {
  const paymobOrderId = sql.placeholder("paymobOrderId");
  const matches: (SQL | undefined)[] = [eq(paymentAttempts.intentionOrderId, paymobOrderId)];
  if (byReference) matches.push(and(eq(paymentAttempts.specialReference, sql.placeholder("reference")), isNull(paymentAttempts.intentionOrderId)));
  if (byParent) {
    const parent = sql.placeholder("parent");
    matches.push(
      eq(paymentAttempts.paymobTransactionId, parent),
      sql`${paymentAttempts.id} = (select ${paymentTransactions.attemptId} from ${paymentTransactions} where ${paymentTransactions.paymobTransactionId} = ${parent} and ${paymentTransactions.attemptId} is not null limit 1)`,
    );
  }
  return preparedStatement<LockRow>(`payments_lock_attempt${byReference ? "_ref" : ""}${byParent ? "_parent" : ""}`, {
    query: sql`select ${paymentAttempts.id} as "attemptId", ${paymentAttempts.status} as "attemptStatus", ${paymentAttempts.amountMinor} as "amountMinor",
        ${paymentAttempts.currency} as "currency", ${paymentAttempts.intentionOrderId} as "intentionOrderId",
        ${paymentAttempts.paymobTransactionId} as "paymobTransactionId", ${orders.id} as "orderId", ${orders.reference} as "orderReference",
        ${orders.status} as "orderStatus", ${orders.refundedMinor} as "orderRefundedMinor"
      from ${paymentAttempts} inner join ${orders} on ${orders.id} = ${paymentAttempts.orderId}
      where ${or(...matches)}
      -- The signed match wins over the fallbacks when both find something.
      order by coalesce(${paymentAttempts.intentionOrderId} = ${paymobOrderId}, false) desc
      limit 1
      for update`,
    columns: LOCK_COLUMNS,
  });
}

const LOCK_STATEMENTS: Record<"" | "r" | "p" | "rp", PreparedStatement<LockRow>> = {
  "": lockStatement(false, false),
  r: lockStatement(true, false),
  p: lockStatement(false, true),
  rp: lockStatement(true, true),
};

export type OrderContext = PaymentContext & {
  /** Whether the order's status follows this attempt (see TransitionInput.attemptOwnsOrder). */
  attemptOwnsOrder: boolean;
};

const UNPAID = sql.raw(`('awaiting_payment', 'payment_failed')`);

type ContextRow = {
  latestAttemptId: string | null;
  settlingAttemptId: string | null;
  /** json_agg of the order's money rows; drivers parse json, but tolerate one that hands back the text. */
  transactions: LedgerJson[] | string;
};
type LedgerJson = Omit<LedgerRow, "id" | "paymobTransactionId" | "parentTransactionId"> & { id: number | string; paymobTransactionId: number | string; parentTransactionId: number | string | null };

const orderId = sql.placeholder("orderId");
// Small subqueries, one round trip, every one on the order's index. The order's money rows come back whole (an
// order has a handful) and are read by lib/orders/payment-ledger.ts, the same reading the admin page uses.
const ORDER_CONTEXT = preparedStatement<ContextRow>("payments_order_context", {
  query: sql`select
      (select a.id from payment_attempts a where a.order_id = ${orderId} order by a.sequence desc limit 1) as "latestAttemptId",
      -- The attempt whose transaction first took the order out of the unpaid states.
      (select pt.attempt_id from payment_transactions pt where pt.order_id = ${orderId} and pt.from_status in ${UNPAID} and pt.to_status not in ${UNPAID} order by pt.id limit 1) as "settlingAttemptId",
      (select coalesce(json_agg(json_build_object('id', pt.id, 'paymobTransactionId', pt.paymob_transaction_id, 'parentTransactionId', pt.parent_transaction_id,
          'attemptId', pt.attempt_id, 'fact', pt.fact, 'hasParentTransaction', pt.has_parent_transaction, 'isCapture', pt.is_capture,
          'amountCents', pt.amount_cents, 'refundedAmountCents', pt.refunded_amount_cents) order by pt.id), '[]'::json)
        from payment_transactions pt where pt.order_id = ${orderId} and pt.fact in ('authorised', 'paid', 'mismatch', 'refund', 'void')) as "transactions"
    from orders where orders.id = ${orderId}`,
  columns: ["latestAttemptId", "settlingAttemptId", "transactions"],
});

/**
 * Everything the state machine needs besides the statuses, in one round trip. Must run after lockAttemptFor,
 * as its own statement: in READ COMMITTED a new statement sees what the previous lock holder committed.
 */
export async function loadOrderContext(tx: Tx, locked: LockedAttempt, obj: PaymobTransaction): Promise<OrderContext> {
  const [row] = await ORDER_CONTEXT(tx, { orderId: locked.orderId });
  if (!row) throw new Error(`order ${locked.orderId} vanished under its lock`);
  const unpaid = locked.orderStatus === "awaiting_payment" || locked.orderStatus === "payment_failed";
  const owner = unpaid ? row.latestAttemptId : (row.settlingAttemptId ?? locked.attemptId);
  const rows = (typeof row.transactions === "string" ? (JSON.parse(row.transactions) as LedgerJson[]) : row.transactions).map(
    (r): LedgerRow => ({ ...r, id: Number(r.id), paymobTransactionId: Number(r.paymobTransactionId), parentTransactionId: r.parentTransactionId === null ? null : Number(r.parentTransactionId) }),
  );
  return { attemptOwnsOrder: owner === locked.attemptId, ...paymentContext(moneyEntries(rows), obj, locked.attemptId) };
}
