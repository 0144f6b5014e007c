import "server-only";
import type { Db } from "@/db/client";
import type { PaymentReversal } from "@/db/schema/reversals";
import { logger } from "@/lib/logger";
import { formatMoney } from "@/lib/money";
import type { PaymobTransaction } from "@/lib/paymob/reshape";
import { PaymobError } from "@/lib/paymob/errors";
import { noteReversalUnconfirmed } from "@/lib/payments/reservation-queries";
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
  | { status: "requested"; message: string }
  | { status: "failed"; message: string }
  | { status: "uncertain"; message: string };

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
  const what = `${reversal.kind} of ${formatMoney(reversal.amountMinor, reversal.currency)}`;
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
      return { status: "failed", message: `Paymob refused the ${what}: ${reason}` };
    }
    await noteReversalUnconfirmed(db, reversal.id, `Paymob's answer is unknown: ${reason}`);
    // Not the Paymob client's own failure: keep the stack.
    log.error(
      { reason, ...(error instanceof PaymobError ? {} : { err: error }) },
      "unconfirmed by Paymob, kept reserved",
    );
    const held =
      reversal.kind === "capture"
        ? "no other capture or void of this authorisation can start"
        : "the amount stays reserved";
    return {
      status: "uncertain",
      message: `Paymob did not confirm the ${what} (${reason}). It may have gone through, so ${held} until Paymob's callback arrives. Check Paymob's dashboard before asking again.`,
    };
  }

  if (!answer.success && !answer.pending) {
    const said = answer.message ? `: ${answer.message}` : "";
    await releaseReversal(db, reversal, `Paymob declined transaction ${answer.id}${said}`);
    log.error({ childId: answer.id, message: answer.message }, "declined by Paymob, reservation released");
    return { status: "failed", message: `Paymob declined the ${what}${said}.` };
  }
  await recordReversalChild(db, reversal, answer.id);
  log.info({ childId: answer.id, pending: answer.pending }, "accepted by Paymob");
  const state = answer.pending ? "accepted it as pending" : "accepted it";
  return {
    status: "requested",
    message: `${capitalise(what)} requested. Paymob ${state}; the order updates when Paymob's callback arrives.`,
  };
}

/** Why a reservation was refused, in words for the admin. */
export function refusalMessage(
  reason: ReversalRefusal | "no_attempt",
  balance: ReversalBalance | undefined,
  currency: string,
): string {
  const money = (minor: number) => formatMoney(minor, currency);
  const pending = balance?.pendingRefundMinor
    ? ` (${money(balance.pendingRefundMinor)} of refunds are awaiting Paymob)`
    : "";
  switch (reason) {
    case "no_attempt":
      return "No such payment on this order.";
    case "not_captured":
      return "Nothing was captured on this payment.";
    case "voided":
      return "This payment was voided; nothing is left to refund or void.";
    case "void_pending":
      return "A void of this payment is awaiting Paymob; wait for its callback.";
    case "refund_pending":
      return `A refund of this payment is awaiting Paymob${pending}; a void is possible only when nothing is refunded.`;
    case "refunded":
      return "Only a captured payment with no refunds can be voided.";
    case "exceeds":
      return balance && balance.refundableMinor > 0
        ? `At most ${money(balance.refundableMinor)} can still be refunded${pending}.`
        : `Nothing left to refund on this payment${pending}.`;
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
