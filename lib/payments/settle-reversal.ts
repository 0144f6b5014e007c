import "server-only";
import type { Tx } from "@/db/client";
import type { ReversalKind } from "@/db/schema/reversals";
import type { PaymobTransaction } from "@/lib/paymob/reshape";
import type { FactKind } from "@/lib/orders/transaction-facts";
import type { LockedAttempt } from "./attempt-context";
import { resolveReservationRows, type ResolveValues } from "./hot-path-writes";

// A verified refund, void or capture callback resolves the admin's reservation for it (lib/admin/reversals.ts,
// lib/admin/authorisation-reservations.ts), in the same DB transaction that records it and under the same
// attempt lock: the request moves from "pending" to "settled" in the step that records the money it moved,
// never counted twice nor dropped. Runs only for reversal and capture callbacks, so the payment callbacks' hot
// path keeps its statements. Which reservations a callback resolves: the statement in hot-path-writes.ts.

/** What a recorded transaction means for reservations, or null when it means nothing. Pure. */
export function reversalResolution(
  obj: PaymobTransaction,
  fact: FactKind,
  attemptTransactionId: number | null,
): ResolveValues | null {
  const isChild = obj.hasParentTransaction;
  const parent = isChild ? (obj.parentTransactionId ?? attemptTransactionId) : obj.id;
  if (parent === null) return null;
  if (fact === "refund" || fact === "void") {
    if (isChild)
      return {
        parent,
        kind: fact,
        child: obj.id,
        amount: obj.amountMinor,
        reportedTotal: null,
        status: "settled",
        reason: null,
      };
    const reportedTotal = fact === "refund" ? (obj.refundedMinor ?? obj.amountMinor) : null;
    return { parent, kind: fact, child: null, amount: null, reportedTotal, status: "settled", reason: null };
  }
  // A capture child of the authorisation (parent): the capture the admin asked for happened. A mismatching
  // amount is still that capture; the order goes to review, the request is over.
  if (isChild && obj.isCapture && (fact === "paid" || fact === "mismatch")) {
    return {
      parent,
      kind: "capture",
      child: obj.id,
      amount: obj.amountMinor,
      reportedTotal: null,
      status: "settled",
      reason: null,
    };
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
export async function resolveReversals(
  tx: Tx,
  obj: PaymobTransaction,
  fact: FactKind,
  locked: LockedAttempt,
): Promise<number> {
  const resolution = reversalResolution(obj, fact, locked.paymobTransactionId);
  if (!resolution) return 0;
  return resolveReservationRows(tx, resolution);
}
