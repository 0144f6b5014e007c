import "server-only";
import { and, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { orders, type OrderStatus } from "@/db/schema/orders";
import { paymentAttempts, paymentTransactions, type AttemptStatus } from "@/db/schema/payments";
import type { ReversalKind, ReversalStatus } from "@/db/schema/reversals";
import { preparedStatement, type PreparedStatement } from "@/db/prepared-statement";

// The statements of the callback hot path (the reads here; the writes in hot-path-writes.ts), the only SQL text of the payments aggregate (everything else is in
// event-queries.ts and reservation-queries.ts, through the query builder). Why they are SQL and prepared: scripts/bench/callbacks.ts measured
// 8 statements per verified callback when each step was its own builder query, and Postgres re-parsing and
// re-planning each of them competed with the app for the machine's CPU under load; as named prepared CTE
// chains a callback is 5 statements with BEGIN/COMMIT (lock, context, record; resolve only for reversals),
// each parsed and planned once per connection. The row locks and unique keys that keep concurrent callbacks
// safe are in the statements themselves (FOR UPDATE, ON CONFLICT on (transaction id, fingerprint)).

const p = (name: string) => sql.placeholder(name);

/** How an int8 column arrives: node-postgres and Neon return a string, PGlite a number or bigint. */
export type Int8 = string | number | bigint;

/** The attempt a transaction belongs to and its order, as the lock statement returns them. */
export type LockRow = {
  attemptId: string;
  attemptStatus: AttemptStatus;
  amountMinor: number;
  currency: string;
  intentionOrderId: Int8 | null;
  paymobTransactionId: Int8 | null;
  orderId: string;
  orderReference: string;
  orderStatus: OrderStatus;
  orderRefundedMinor: number;
};

const LOCK_COLUMNS = [
  "attemptId",
  "attemptStatus",
  "amountMinor",
  "currency",
  "intentionOrderId",
  "paymobTransactionId",
  "orderId",
  "orderReference",
  "orderStatus",
  "orderRefundedMinor",
] as const;

/**
 * One fixed text per combination of fallbacks rather than `$n is null or …` guards, so each keeps a plan that
 * uses the index of every column it matches on.
 */
function lockStatement(byReference: boolean, byParent: boolean) {
  const paymobOrderId = p("paymobOrderId");
  const matches: (SQL | undefined)[] = [eq(paymentAttempts.intentionOrderId, paymobOrderId)];
  if (byReference)
    matches.push(and(eq(paymentAttempts.specialReference, p("reference")), isNull(paymentAttempts.intentionOrderId)));
  if (byParent) {
    const parent = p("parent");
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

/** Locks (`FOR UPDATE`) the attempt Paymob's order id names, else the one a given fallback finds, and its order. */
export async function lockAttemptRow(
  tx: Tx,
  match: { paymobOrderId: number; reference?: string; parent?: number },
): Promise<LockRow | undefined> {
  const statement =
    LOCK_STATEMENTS[`${match.reference === undefined ? "" : "r"}${match.parent === undefined ? "" : "p"}`];
  const [row] = await statement(tx, match);
  return row;
}

/** One money row of an order as the context statement returns it (json: int8 ids may come back as text). */
export type LedgerJson = {
  id: number | string;
  paymobTransactionId: number | string;
  parentTransactionId: number | string | null;
  attemptId: string | null;
  fact: string | null;
  hasParentTransaction: boolean;
  isCapture: boolean;
  amountCents: number;
  refundedAmountCents: number | null;
};

/** One refund reservation of an order, pending or settled, as the context statement returns it. */
export type ReservationJson = {
  paymobTransactionId: number | string;
  kind: ReversalKind;
  status: ReversalStatus;
  amountMinor: number;
  childTransactionId: number | string | null;
};

export type ContextRow = {
  latestAttemptId: string | null;
  settlingAttemptId: string | null;
  /** json_agg of the order's money rows; drivers parse json, but tolerate one that hands back the text. */
  transactions: LedgerJson[] | string;
  /** json_agg of the order's refund reservations still pending or settled, in id order. */
  reservations: ReservationJson[] | string;
};

const UNPAID = sql.raw(`('awaiting_payment', 'payment_failed')`);
const orderId = p("orderId");

// Small subqueries, one round trip, every one on the order's index. The order's money rows come back whole (an
// order has a handful) and are read by lib/orders/payment-ledger.ts, the same reading the admin page uses, together
// with the order's refund reservations: a settled one is refunded money even if its own child never arrived.
const ORDER_CONTEXT = preparedStatement<ContextRow>("payments_order_context", {
  query: sql`select
      (select a.id from payment_attempts a where a.order_id = ${orderId} order by a.sequence desc limit 1) as "latestAttemptId",
      -- The attempt whose transaction first took the order out of the unpaid states.
      (select pt.attempt_id from payment_transactions pt where pt.order_id = ${orderId} and pt.from_status in ${UNPAID} and pt.to_status not in ${UNPAID} order by pt.id limit 1) as "settlingAttemptId",
      (select coalesce(json_agg(json_build_object('id', pt.id, 'paymobTransactionId', pt.paymob_transaction_id, 'parentTransactionId', pt.parent_transaction_id,
          'attemptId', pt.attempt_id, 'fact', pt.fact, 'hasParentTransaction', pt.has_parent_transaction, 'isCapture', pt.is_capture,
          'amountCents', pt.amount_cents, 'refundedAmountCents', pt.refunded_amount_cents) order by pt.id), '[]'::json)
        from payment_transactions pt where pt.order_id = ${orderId} and pt.fact in ('authorised', 'paid', 'mismatch', 'refund', 'void')) as "transactions",
      (select coalesce(json_agg(json_build_object('paymobTransactionId', r.paymob_transaction_id, 'kind', r.kind, 'status', r.status,
          'amountMinor', r.amount_minor, 'childTransactionId', r.child_transaction_id) order by r.id), '[]'::json)
        from payment_reversals r where r.order_id = ${orderId} and r.kind = 'refund' and r.status in ('pending', 'settled')) as "reservations"
    from orders where orders.id = ${orderId}`,
  columns: ["latestAttemptId", "settlingAttemptId", "transactions", "reservations"],
});

/** The order's latest and settling attempts, its money rows and refund reservations. Run after the lock, as its own statement. */
export async function orderContextRow(tx: Tx, id: string): Promise<ContextRow | undefined> {
  const [row] = await ORDER_CONTEXT(tx, { orderId: id });
  return row;
}
