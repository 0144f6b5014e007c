import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import type { ReversalKind, ReversalStatus } from "@/db/schema/reversals";
import type { PaymobTransaction } from "@/lib/paymob/reshape";
import type { FactKind } from "@/lib/orders/transaction-facts";
import type { LockedAttempt } from "./attempt-context";
import { preparedStatement } from "./prepared-statement";

// A verified refund, void or capture callback resolves the admin's reservation for it (lib/admin/reversals.ts,
// lib/admin/authorisation-reservations.ts), in the same DB transaction that records it and under the same
// attempt lock: the request moves from "pending" to "settled" in the step that records the money it moved,
// never counted twice nor dropped. Runs only for reversal and capture callbacks, so the payment callbacks' hot
// path keeps its statements.

const p = (name: string) => sql.placeholder(name);

/**
 * Which pending reservations a callback resolves:
 * - a child names itself: the reservation Paymob's answer tied to it (whatever the child turned out to be),
 *   else the oldest one of (parent, kind) whose answer was never seen (timeout) with the same amount (any
 *   amount for a void or a capture: one of each at most per transaction), unless another row already has that
 *   child;
 * - a re-notified parent reports its running refunded total: reservations (answered ones first, then oldest)
 *   while they fit in that total minus what is already settled; for a void, the pending void.
 */
const RESOLVE = preparedStatement<{ id: string | number }>("payments_resolve_reversal", {
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

type Resolution = { parent: number; kind: ReversalKind; child: number | null; amount: number | null; reportedTotal: number | null; status: ReversalStatus; reason: string | null };

/** What a recorded transaction means for reservations, or null when it means nothing. Pure. */
export function reversalResolution(obj: PaymobTransaction, fact: FactKind, attemptTransactionId: number | null): Resolution | null {
  const isChild = obj.hasParentTransaction;
  const parent = isChild ? (obj.parentTransactionId ?? attemptTransactionId) : obj.id;
  if (parent === null) return null;
  if (fact === "refund" || fact === "void") {
    if (isChild) return { parent, kind: fact, child: obj.id, amount: obj.amountMinor, reportedTotal: null, status: "settled", reason: null };
    const reportedTotal = fact === "refund" ? (obj.refundedMinor ?? obj.amountMinor) : null;
    return { parent, kind: fact, child: null, amount: null, reportedTotal, status: "settled", reason: null };
  }
  // A capture child of the authorisation (parent): the capture the admin asked for happened. A mismatching
  // amount is still that capture; the order goes to review, the request is over.
  if (isChild && obj.isCapture && (fact === "paid" || fact === "mismatch")) {
    return { parent, kind: "capture", child: obj.id, amount: obj.amountMinor, reportedTotal: null, status: "settled", reason: null };
  }
  // A child that did not go through: Paymob declined that refund/void/capture, so its reservation is free again.
  if (isChild && !obj.success && !obj.pending) {
    const kind: ReversalKind = obj.isCapture ? "capture" : obj.isVoided || obj.isVoid === true ? "void" : "refund";
    const message = obj.message ? `: ${obj.message}` : "";
    const reason = `Paymob's callback reports ${kind} transaction ${obj.id} as declined${message}`;
    return { parent, kind, child: obj.id, amount: obj.amountMinor, reportedTotal: null, status: "released", reason };
  }
  return null;
}

/** Resolves the reservations `obj` reports; call only after its transaction row was newly recorded. */
export async function resolveReversals(tx: Tx, obj: PaymobTransaction, fact: FactKind, locked: LockedAttempt): Promise<number> {
  const resolution = reversalResolution(obj, fact, locked.paymobTransactionId);
  if (!resolution) return 0;
  const rows = await RESOLVE(tx, resolution);
  return rows.length;
}
