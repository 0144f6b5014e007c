import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import type { OrderStatus } from "@/db/schema/orders";
import type { PaymobTransaction } from "@/lib/paymob/reshape";
import type { Transition } from "@/lib/orders/state-machine";
import type { FactKind } from "@/lib/orders/transaction-facts";
import type { LockedAttempt } from "./attempt-context";
import { preparedStatement } from "./prepared-statement";

export type RecordInput = {
  obj: PaymobTransaction;
  fingerprint: string;
  locked: LockedAttempt;
  fact: FactKind;
  transition: Transition;
  detail: string;
  source: string;
  rawBody: string;
  signature: string | null;
};

/** Facts that describe the attempt's own payment (not a refund/void of it): their id is the attempt's transaction.
 * A capture replaces its authorisation there, so refunds and voids go to the transaction that took the money. */
const PAYMENT_FACTS: ReadonlySet<FactKind> = new Set(["paid", "mismatch", "authorised", "errored", "declined", "pending"]);
/** No money captured yet: unpaid, or only authorised. */
const UNCAPTURED: ReadonlySet<OrderStatus> = new Set(["awaiting_payment", "payment_failed", "authorised"]);
/** Facts that show money was captured: a payment, or the reversal of one (which may arrive first). Not an
 * authorisation, and not an error report, which prove nothing either way. */
const CAPTURE_FACTS: ReadonlySet<FactKind> = new Set(["paid", "mismatch", "refund", "void"]);

const p = (name: string) => sql.placeholder(name);

/** See recordTransaction. Every value is a placeholder: the text is fixed, and prepared once per connection. */
const RECORD = preparedStatement<{ id: string | number; outcome: string }>("payments_record_transaction", {
  steps: {
    event_id: sql`select nextval(pg_get_serial_sequence('payment_events', 'id')) as id`,
    txn: sql`
      insert into payment_transactions (paymob_transaction_id, fingerprint, attempt_id, order_id, event_id, success, pending, amount_cents, currency,
        is_refunded, is_voided, has_parent_transaction, is_capture, parent_transaction_id, refunded_amount_cents, fact, from_status, to_status, summary)
      select ${p("transactionId")}, ${p("fingerprint")}, ${p("attemptId")}, ${p("orderId")}, event_id.id, ${p("success")}, ${p("pending")}, ${p("amountCents")}, ${p("currency")},
        ${p("isRefunded")}, ${p("isVoided")}, ${p("hasParent")}, ${p("isCapture")}, ${p("parentTransactionId")}::bigint, ${p("refundedAmountCents")}::integer,
        ${p("fact")}, ${p("fromStatus")}, ${p("toStatus")}, ${p("summary")}::jsonb
      from event_id
      on conflict (paymob_transaction_id, fingerprint) do nothing
      returning id`,
    event: sql`
      insert into payment_events (id, kind, source, verification, raw_body, signature, paymob_transaction_id, paymob_order_id, merchant_order_id, attempt_id, order_id, outcome, detail)
      select event_id.id, 'TRANSACTION', ${p("source")}, 'valid', ${p("rawBody")}, ${p("signature")}::text, ${p("transactionId")}, ${p("paymobOrderId")}, ${p("merchantOrderId")}::text,
        ${p("attemptId")}, ${p("orderId")}, case when exists (select 1 from txn) then ${p("reason")} else 'duplicate' end, ${p("detail")}
      from event_id
      returning id, outcome`,
    order_moved: sql`
      update orders set status = ${p("toStatus")}, updated_at = now(),
        refunded_minor = coalesce(${p("refundedMinor")}::integer, refunded_minor),
        paid_at = case when ${p("moneyArrived")} then coalesce(paid_at, now()) else paid_at end
      where id = ${p("orderId")} and ${p("orderMoves")} and exists (select 1 from txn)`,
    attempt_moved: sql`
      update payment_attempts set status = ${p("attemptTo")}, updated_at = now(),
        paymob_transaction_id = case when ${p("paymentFact")} then ${p("transactionId")}::bigint else paymob_transaction_id end,
        -- Learned from the signed callback when our create-intention call never saw Paymob's answer.
        intention_order_id = coalesce(intention_order_id, ${p("paymobOrderId")}::bigint)
      where id = ${p("attemptId")} and ${p("attemptMoves")} and exists (select 1 from txn)`,
  },
  query: sql`select id, outcome from event`,
  columns: ["id", "outcome"],
});

/**
 * Stores the event and the transaction row and moves the order and attempt in ONE statement: each round trip
 * inside the order lock costs every concurrent callback for that order, and under load the whole pool
 * (scripts/bench/callbacks.ts measured 8 statements per callback before, 5 now with BEGIN/COMMIT).
 *
 * The transaction row goes first: its ON CONFLICT DO NOTHING on (transaction id, fingerprint) is the dedupe,
 * and everything else depends on whether it went in — the event is stored either way, as the transition's
 * reason or as "duplicate"; the order and attempt move only if it did. Sibling CTEs cannot see each other's
 * rows, so the event id is drawn from its sequence first; the transaction row's foreign key to it is checked
 * at the end of the statement, when both rows exist.
 */
export async function recordTransaction(tx: Tx, input: RecordInput): Promise<{ eventId: number; applied: boolean }> {
  const { obj, locked, transition } = input;
  const orderMoves = transition.order !== locked.orderStatus || transition.refundedMinor !== undefined;
  // The first move past the uncaptured states means Paymob captured money (even if it was then reversed). An
  // authorisation is only a hold, and voiding one never captured anything.
  const voidedHold = locked.orderStatus === "authorised" && transition.order === "voided";
  const moneyArrived = CAPTURE_FACTS.has(input.fact) && UNCAPTURED.has(locked.orderStatus) && !UNCAPTURED.has(transition.order) && !voidedHold;
  const attemptMoves = transition.attempt !== locked.attemptStatus;
  const summary = { source: input.source, reason: transition.reason, attemptFrom: locked.attemptStatus, attemptTo: transition.attempt, detail: input.detail };

  const [row] = await RECORD(tx, {
    transactionId: obj.id,
    fingerprint: input.fingerprint,
    attemptId: locked.attemptId,
    orderId: locked.orderId,
    success: obj.success,
    pending: obj.pending,
    amountCents: obj.amountMinor,
    currency: obj.currency,
    isRefunded: obj.isRefunded,
    isVoided: obj.isVoided,
    hasParent: obj.hasParentTransaction,
    isCapture: obj.isCapture,
    parentTransactionId: obj.parentTransactionId ?? null,
    refundedAmountCents: obj.refundedMinor ?? null,
    fact: input.fact,
    fromStatus: locked.orderStatus,
    toStatus: transition.order,
    attemptTo: transition.attempt,
    summary: JSON.stringify(summary),
    source: input.source,
    rawBody: input.rawBody,
    signature: input.signature,
    paymobOrderId: obj.paymobOrderId,
    merchantOrderId: obj.merchantOrderId ?? null,
    reason: transition.reason,
    detail: input.detail,
    refundedMinor: transition.refundedMinor ?? null,
    moneyArrived,
    orderMoves,
    attemptMoves,
    // A second charge is refunded on its own; the attempt keeps pointing at the payment the order stands on.
    paymentFact: PAYMENT_FACTS.has(input.fact) && transition.reason !== "double_payment",
  });
  if (!row) throw new Error(`recording transaction ${obj.id} for order ${locked.orderReference} returned nothing`);
  return { eventId: Number(row.id), applied: row.outcome !== "duplicate" };
}
