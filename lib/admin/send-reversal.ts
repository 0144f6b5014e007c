import "server-only";
import type { Db } from "@/db/client";
import type { PaymentReversal } from "@/db/schema/reversals";
import { logger } from "@/lib/logger";
import type { PaymobTransaction } from "@/lib/paymob/reshape";
import { PaymobError } from "@/lib/paymob/errors";
import { noteReversalUnconfirmed } from "@/lib/payments/reservation-queries";
import type { AdminNotice } from "./notices";
import type { ReversalBalance, ReversalRefusal } from "./reversal-balance";
import { recordReversalChild, releaseReversal } from "./reversals";

// Sends one reserved refund, void or capture to Paymob and resolves the reservation from the answer. A
// reservation is released only when Paymob certainly did nothing; when the answer is unknown the money may
// already be moving, so the request stays pending until the callback settles it (or an admin who checked
// Paymob's dashboard releases it).

/** Paymob's answer to a refund/void/capture: the child transaction it created (lib/paymob/transactions.ts). */
export type ReversalAnswer = Pick<PaymobTransaction, "id" | "success" | "pending"> &
  Partial<Pick<PaymobTransaction, "message">>;

export type ReversalOutcome =
  | { status: "requested"; notice: AdminNotice }
  | { status: "failed"; notice: AdminNotice }
  | { status: "uncertain"; notice: AdminNotice };

/**
 * Errors after which Paymob cannot have moved any money: refused before sending, or a 4xx it answers before
 * acting (400 validation, 401/403, 404, 406, 429 rate limit). Timeouts, network errors, 5xx and unreadable 2xx
 * answers may come after Paymob acted.
 */
export function paymobCertainlyRefused(error: unknown): error is PaymobError {
  if (!(error instanceof PaymobError)) return false;
  switch (error.code) {
    case "config":
    case "invalid_input":
    case "validation":
    case "unauthorized":
    case "not_found":
    case "unmatched_item_prices":
      return true;
    case "server_error":
      return error.status === 429;
    default:
      return false;
  }
}

export async function sendReversal(
  db: Db,
  reversal: PaymentReversal,
  reference: string,
  call: () => Promise<ReversalAnswer>,
): Promise<ReversalOutcome> {
  const what = { kind: reversal.kind, amountMinor: reversal.amountMinor, currency: reversal.currency };
  const log = logger.child({
    scope: "admin",
    kind: reversal.kind,
    orderReference: reference,
    reversalId: reversal.id,
    transactionId: reversal.paymobTransactionId,
  });
  let answer: ReversalAnswer;
  try {
    answer = await call();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (paymobCertainlyRefused(error)) {
      await releaseReversal(db, reversal, `Paymob refused: ${reason}`);
      log.error({ reason }, "refused by Paymob, reservation released");
      return { status: "failed", notice: { code: "paymob_refused", ...what, reason } };
    }
    await noteReversalUnconfirmed(db, reversal.id, `Paymob's answer is unknown: ${reason}`);
    // Not the Paymob client's own failure: keep the stack.
    log.error(
      { reason, ...(error instanceof PaymobError ? {} : { err: error }) },
      "unconfirmed by Paymob, kept reserved",
    );
    return { status: "uncertain", notice: { code: "paymob_unconfirmed", ...what, reason } };
  }

  if (!answer.success && !answer.pending) {
    const said = answer.message ? `: ${answer.message}` : "";
    await releaseReversal(db, reversal, `Paymob declined transaction ${answer.id}${said}`);
    log.error({ childId: answer.id, message: answer.message }, "declined by Paymob, reservation released");
    return { status: "failed", notice: { code: "paymob_declined", ...what, said: answer.message || null } };
  }
  await recordReversalChild(db, reversal, answer.id);
  log.info({ childId: answer.id, pending: answer.pending }, "accepted by Paymob");
  return { status: "requested", notice: { code: "requested", ...what, pending: answer.pending } };
}

/** Why a reservation was refused, as a notice for the admin. */
export function refusalNotice(
  reason: ReversalRefusal | "no_attempt",
  balance: ReversalBalance | undefined,
  currency: string,
): AdminNotice {
  const pendingMinor = balance?.pendingRefundMinor ?? 0;
  switch (reason) {
    case "no_attempt":
      return { code: "no_payment" };
    case "not_captured":
      return { code: "not_captured" };
    case "voided":
      return { code: "payment_voided" };
    case "void_pending":
      return { code: "payment_void_pending" };
    case "refund_pending":
      return { code: "refund_pending", currency, pendingMinor };
    case "refunded":
      return { code: "void_needs_unrefunded" };
    case "exceeds":
      return balance && balance.refundableMinor > 0
        ? { code: "refund_exceeds", amountMinor: balance.refundableMinor, currency, pendingMinor }
        : { code: "nothing_to_refund", currency, pendingMinor };
  }
}
