import "server-only";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import type { OrderStatus } from "@/db/schema/orders";
import type { AttemptStatus } from "@/db/schema/payments";
import type { ReversalKind, ReversalStatus } from "@/db/schema/reversals";
import { preparedStatement } from "@/db/prepared-statement";
import type { Int8 } from "./hot-path-reads";

// The callback hot path's writes: record a transaction, settle the reservations it reports, store a rejected
// delivery. Prepared SQL for the reason given in hot-path-reads.ts.

const p = (name: string) => sql.placeholder(name);

/** Every value the record statement binds; see recordTransaction (record-transaction.ts) for what they mean. */
export type RecordValues = {
  transactionId: number;
  fingerprint: string;
  attemptId: string;
  orderId: string;
  success: boolean;
  pending: boolean;
  amountCents: number;
  currency: string;
  isRefunded: boolean;
  isVoided: boolean;
  hasParent: boolean;
  isCapture: boolean;
  parentTransactionId: number | null;
  refundedAmountCents: number | null;
  fact: string;
  fromStatus: OrderStatus;
  toStatus: OrderStatus;
  attemptTo: AttemptStatus;
  /** JSON text. */
  summary: string;
  source: string;
  rawBody: string;
  signature: string | null;
  paymobOrderId: number;
  merchantOrderId: string | null;
  reason: string;
  detail: string;
  refundedMinor: number | null;
  moneyArrived: boolean;
  orderMoves: boolean;
  attemptMoves: boolean;
  paymentFact: boolean;
  /** The customer email this move owes (lib/mail/order-email-due.ts), or null: one more row in the same statement. */
  emailKind: string | null;
  emailKey: string;
  emailAmount: number | null;
};

/**
 * The transaction row goes first: its ON CONFLICT DO NOTHING on (transaction id, fingerprint) is the dedupe,
 * and everything else depends on whether it went in — the event is stored either way, as the transition's
 * reason or as "duplicate"; the order and attempt move only if it did. Sibling CTEs cannot see each other's
 * rows, so the event id is drawn from its sequence first; the transaction row's foreign key to it is checked
 * at the end of the statement, when both rows exist. Every value is a placeholder: the text is fixed.
 */
const RECORD = preparedStatement<{ id: Int8; outcome: string; emailQueued: boolean }>("payments_record_transaction", {
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
    // The outbox row commits with the move or not at all; its unique key keeps a repeated or racing callback
    // from owing the email twice. Sent after the commit (lib/mail/order-emails.ts).
    email_due: sql`
      insert into order_emails (order_id, kind, event_key, amount_minor)
      select ${p("orderId")}, ${p("emailKind")}::text, ${p("emailKey")}, ${p("emailAmount")}::integer
      where ${p("emailKind")}::text is not null and exists (select 1 from txn)
      on conflict (order_id, kind, event_key) do nothing
      returning id`,
  },
  query: sql`select id, outcome, exists (select 1 from email_due) as "emailQueued" from event`,
  columns: ["id", "outcome", "emailQueued"],
});

/** Records the transaction and its event and moves the order and attempt, in one statement. */
export async function recordTransactionRow(
  tx: Tx,
  values: RecordValues,
): Promise<{ id: Int8; outcome: string; emailQueued: boolean } | undefined> {
  const [row] = await RECORD(tx, values);
  return row;
}

/** Which reservations a reversal or capture callback resolves (settle-reversal.ts decides the values). */
export type ResolveValues = {
  parent: number;
  kind: ReversalKind;
  child: number | null;
  amount: number | null;
  reportedTotal: number | null;
  status: ReversalStatus;
  reason: string | null;
};

/**
 * Which pending reservations a callback resolves:
 * - a child names itself: the reservation Paymob's answer tied to it (whatever the child turned out to be),
 *   else the oldest one of (parent, kind) whose answer was never seen (timeout) with the same amount (any
 *   amount for a void or a capture: one of each at most per transaction), unless another row already has that
 *   child;
 * - a re-notified parent reports its running refunded total: reservations (answered ones first, then oldest)
 *   while they fit in that total minus what is already settled; for a void, the pending void.
 * The TypeScript ledger reads the same money from payment_transactions and these settled reservations
 * (lib/orders/payment-ledger.ts);
 * tests/integration/refund-ledger-agreement.test.ts checks that the two agree.
 */
const RESOLVE = preparedStatement<{ id: Int8 }>("payments_resolve_reversal", {
  steps: {
    candidates: sql`
      select r.id, row_number() over w as rank, sum(r.amount_minor) over w as running
      from payment_reversals r
      where r.status = 'pending' and (r.child_transaction_id = ${p("child")}::bigint
        or (r.paymob_transaction_id = ${p("parent")} and r.kind = ${p("kind")} and (${p("child")}::bigint is null
          or (r.child_transaction_id is null and (r.kind <> 'refund' or r.amount_minor = ${p("amount")}::integer)
            and not exists (select 1 from payment_reversals k where k.child_transaction_id = ${p("child")}::bigint)))))
      window w as (order by r.child_transaction_id is not null desc, r.id)`,
  },
  query: sql`
    update payment_reversals r set status = ${p("status")}, child_transaction_id = coalesce(r.child_transaction_id, ${p("child")}::bigint),
      failure_reason = ${p("reason")}::text, resolved_at = now(), updated_at = now()
    from candidates c
    where r.id = c.id and r.status = 'pending' and case
      when ${p("child")}::bigint is not null then c.rank = 1
      when ${p("reportedTotal")}::integer is null then true
      else c.running <= ${p("reportedTotal")}::integer - (select coalesce(sum(s.amount_minor), 0) from payment_reversals s
        where s.paymob_transaction_id = ${p("parent")} and s.kind = 'refund' and s.status = 'settled')
    end
    returning r.id`,
  columns: ["id"],
});

/** Resolves the pending reservations a callback reports; how many it resolved. */
export async function resolveReservationRows(tx: Tx, values: ResolveValues): Promise<number> {
  const rows = await RESOLVE(tx, values);
  return rows.length;
}

/** An event that changes no order: unverified, malformed, or authentic but impossible. */
export type RejectedValues = {
  kind: "TRANSACTION" | "TOKEN" | "UNKNOWN";
  verification: "valid" | "invalid" | "missing";
  rawBody: string;
  bodySha256: string;
  bodyBytes: number;
  bodyTruncated: boolean;
  signature: string | null;
  transactionId: number | null;
  paymobOrderId: number | null;
  merchantOrderId: string | null;
  outcome: "malformed" | "rejected_signature";
  detail: string;
};

// Forged and malformed deliveries are a steady share of the traffic (anyone can POST): a prepared statement too.
const INSERT_REJECTED = preparedStatement<{ id: Int8 }>("payments_store_rejected", {
  query: sql`insert into payment_events (kind, source, verification, raw_body, body_sha256, body_bytes, body_truncated, signature, paymob_transaction_id, paymob_order_id, merchant_order_id, outcome, detail)
    values (${p("kind")}, 'callback', ${p("verification")}, ${p("rawBody")}, ${p("bodySha256")}::text,
      ${p("bodyBytes")}::int, ${p("bodyTruncated")}::boolean, ${p("signature")}::text,
      ${p("transactionId")}::bigint, ${p("paymobOrderId")}::bigint, ${p("merchantOrderId")}::text, ${p("outcome")}, ${p("detail")})
    returning id`,
  columns: ["id"],
});

export async function insertRejectedEvent(db: Db, values: RejectedValues): Promise<void> {
  await INSERT_REJECTED(db, values);
}
