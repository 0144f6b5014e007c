import "server-only";
import { and, desc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { orders, type OrderStatus } from "@/db/schema/orders";
import { paymentAttempts, paymentTransactions, type AttemptStatus } from "@/db/schema/payments";
import type { TransactionObject } from "@/lib/paymob/callbacks";
import type { RefundLedger } from "@/lib/orders/transaction-facts";

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
export async function lockAttemptFor(tx: Tx, obj: TransactionObject): Promise<LockedAttempt | undefined> {
  const reference = obj.order.merchant_order_id || undefined;
  const parent = obj.has_parent_transaction && obj.parent_transaction ? obj.parent_transaction : undefined;
  const [row] = await lockQuery(tx, reference !== undefined, parent !== undefined).execute({ paymobOrderId: obj.order.id, reference, parent });
  return row;
}

/**
 * The lock query has one fixed text per combination of fallbacks, each a named prepared statement: Postgres
 * parses and plans it once per connection instead of on every callback (that competed with the app for CPU
 * under load). The fallbacks stay separate texts rather than `$n is null or …` guards so each keeps its plan.
 */
function lockQuery(tx: Tx, byReference: boolean, byParent: boolean) {
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
  return tx
    .select({
      attemptId: paymentAttempts.id,
      attemptStatus: paymentAttempts.status,
      amountMinor: paymentAttempts.amountMinor,
      currency: paymentAttempts.currency,
      intentionOrderId: paymentAttempts.intentionOrderId,
      paymobTransactionId: paymentAttempts.paymobTransactionId,
      orderId: orders.id,
      orderReference: orders.reference,
      orderStatus: orders.status,
      orderRefundedMinor: orders.refundedMinor,
    })
    .from(paymentAttempts)
    .innerJoin(orders, eq(orders.id, paymentAttempts.orderId))
    .where(or(...matches))
    // The signed match wins over the fallbacks when both find something.
    .orderBy(desc(sql`coalesce(${paymentAttempts.intentionOrderId} = ${paymobOrderId}, false)`))
    .limit(1)
    .for("update")
    .prepare(`payments_lock_attempt_${byReference ? "r" : ""}${byParent ? "p" : ""}`);
}

export type OrderContext = {
  /** Whether the order's status follows this attempt (see TransitionInput.attemptOwnsOrder). */
  attemptOwnsOrder: boolean;
  ledger: RefundLedger;
};

const UNPAID = sql.raw(`('awaiting_payment', 'payment_failed')`);

/**
 * Everything the state machine needs besides the statuses, in one round trip. Must run after lockAttemptFor,
 * as its own statement: in READ COMMITTED a new statement sees what the previous lock holder committed.
 */
export async function loadOrderContext(tx: Tx, locked: LockedAttempt): Promise<OrderContext> {
  const orderId = sql.placeholder("orderId");
  const attemptId = sql.placeholder("attemptId");
  // Plain SQL with explicit aliases: small subqueries, one round trip. payment_transactions is only indexed by
  // order, and an attempt's rows are its order's rows, so the attempt filters also name the order: without it
  // each of them scanned the whole table (3 sequential scans per callback, growing with every payment).
  const [row] = await tx
    .select({
      latestAttemptId: sql<string | null>`(select a.id from payment_attempts a where a.order_id = ${orderId} order by a.created_at desc, a.id desc limit 1)`,
      // The attempt whose transaction first took the order out of the unpaid states.
      settlingAttemptId: sql<string | null>`(select pt.attempt_id from payment_transactions pt where pt.order_id = ${orderId} and pt.from_status in ${UNPAID} and pt.to_status not in ${UNPAID} order by pt.id limit 1)`,
      childRefundsMinor: sql<number>`(select coalesce(sum(c.amount_cents), 0)::int from (select distinct on (pt.paymob_transaction_id) pt.amount_cents from payment_transactions pt where pt.order_id = ${orderId} and pt.attempt_id = ${attemptId} and pt.fact = 'refund' and pt.has_parent_transaction order by pt.paymob_transaction_id) c)`,
      parentReportedMinor: sql<number>`(select coalesce(max(coalesce(pt.refunded_amount_cents, pt.amount_cents)), 0)::int from payment_transactions pt where pt.order_id = ${orderId} and pt.attempt_id = ${attemptId} and pt.fact = 'refund' and not pt.has_parent_transaction)`,
      capturedMinor: sql<number | null>`(select pt.amount_cents from payment_transactions pt where pt.order_id = ${orderId} and pt.attempt_id = ${attemptId} and pt.fact in ('paid', 'mismatch') order by pt.id limit 1)`,
    })
    .from(orders)
    .where(eq(orders.id, orderId))
    // Named: parsed and planned once per connection (see lockQuery).
    .prepare("payments_order_context")
    .execute({ orderId: locked.orderId, attemptId: locked.attemptId });
  if (!row) throw new Error(`order ${locked.orderId} vanished under its lock`);
  const unpaid = locked.orderStatus === "awaiting_payment" || locked.orderStatus === "payment_failed";
  const owner = unpaid ? row.latestAttemptId : (row.settlingAttemptId ?? locked.attemptId);
  return {
    attemptOwnsOrder: owner === locked.attemptId,
    ledger: {
      childRefundsMinor: Number(row.childRefundsMinor),
      parentReportedMinor: Number(row.parentReportedMinor),
      capturedMinor: row.capturedMinor === null ? undefined : Number(row.capturedMinor),
    },
  };
}
