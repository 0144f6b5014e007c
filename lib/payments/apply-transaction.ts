import "server-only";
import { createHash } from "node:crypto";
import type { Db, Tx } from "@/db/client";
import type { OrderStatus } from "@/db/schema/orders";
import { transactionSignedMessage, type PaymobTransaction } from "@/lib/paymob/reshape";
import { scheduleOrderEmails } from "@/lib/mail/schedule";
import { clearCartOfPaidOrder } from "@/lib/orders/clear-paid-cart";
import { applyFact, type TransitionReason } from "@/lib/orders/state-machine";
import { classifyTransaction, type FactKind, type TransactionFact } from "@/lib/orders/transaction-facts";
import { loadOrderContext, lockAttemptFor, type LockedAttempt } from "./attempt-context";
import { logPaymentLine } from "./log";
import { insertTransactionEvent } from "./event-queries";
import { recordTransaction } from "./record-transaction";
import { resolveReversals } from "./settle-reversal";
import { storableText, storableValues } from "./storable";

type TransactionSource = "callback" | "replay" | "inquiry";
export type ApplyOutcome = TransitionReason | "duplicate" | "unknown_order";

export type ApplyResult = {
  outcome: ApplyOutcome;
  eventId: number;
  transactionId: number;
  orderId?: string;
  orderReference?: string;
  attemptId?: string;
  fact?: FactKind;
  /** Order status before and after (equal when nothing changed). */
  from?: OrderStatus;
  to?: OrderStatus;
  /** The move owes the customer an email (now in the order_emails outbox, sent after the commit). */
  emailQueued?: boolean;
};

export type ApplyOptions = {
  source: TransactionSource;
  /** What arrived, stored verbatim on the event (the callback body, or the inquiry/refund response). */
  rawBody: string;
  /** The received `?hmac=`, for callbacks. */
  signature?: string | null;
};

/**
 * Identifies one state of one Paymob transaction: a hash of exactly the values Paymob signs. An identical
 * re-delivery (or the same state read back by inquiry) has the same fingerprint; a re-notification with new
 * flags (isRefunded, isVoided) does not.
 */
function transactionFingerprint(obj: PaymobTransaction): string {
  return createHash("sha256").update(transactionSignedMessage(obj), "utf8").digest("hex");
}

/**
 * Applies one authenticated Paymob transaction to its order in a single DB transaction: records the event,
 * dedupes on (transaction id, fingerprint), and runs the state machine under the order's row lock. Callbacks,
 * inquiry results and admin replays all come through here, so they are idempotent against each other.
 */
export async function applyTransaction(
  db: Db,
  received: PaymobTransaction,
  options: ApplyOptions,
): Promise<ApplyResult> {
  // Already authenticated; from here on the values only need to fit in the database (see storable.ts).
  const obj = storableValues(received, options.rawBody);
  const stored = {
    ...options,
    rawBody: storableText(options.rawBody),
    signature: storableText(options.signature ?? null),
  };
  const result = await db.transaction((tx) => applyInTransaction(tx, obj, stored));
  logPaymentLine(options.source, result);
  if (result.emailQueued) scheduleOrderEmails(db);
  return result;
}

async function applyInTransaction(tx: Tx, obj: PaymobTransaction, options: ApplyOptions): Promise<ApplyResult> {
  const locked = await lockAttemptFor(tx, obj);
  if (!locked) {
    const eventId = await insertEvent(
      tx,
      obj,
      options,
      undefined,
      "unknown_order",
      "no attempt matches this Paymob order",
    );
    return { outcome: "unknown_order", eventId, transactionId: obj.id };
  }

  const context = await loadOrderContext(tx, locked, obj);
  const fact = classifyTransaction(obj, { amountMinor: locked.amountMinor, currency: locked.currency }, context.ledger);
  const transition = applyFact({
    order: locked.orderStatus,
    attempt: locked.attemptStatus,
    fact,
    attemptOwnsOrder: context.attemptOwnsOrder,
    orderRefundedMinor: locked.orderRefundedMinor,
    otherPayment: context.otherPayment,
    reversesExtraCapture: context.reversesExtraCapture,
  });
  const described = describeFact(fact, obj);
  const detail =
    transition.reason === "double_payment"
      ? `second charge: another transaction already holds or took this order's money · ${described}`
      : described;
  const { eventId, applied, emailQueued } = await recordTransaction(tx, {
    obj,
    fingerprint: transactionFingerprint(obj),
    locked,
    fact: fact.kind,
    transition,
    detail,
    source: options.source,
    rawBody: options.rawBody,
    signature: options.signature ?? null,
  });

  const base = {
    eventId,
    transactionId: obj.id,
    orderId: locked.orderId,
    orderReference: locked.orderReference,
    attemptId: locked.attemptId,
    fact: fact.kind,
  };
  // Not applied: seen before (an identical re-delivery, a concurrent duplicate that won the race, or a replay).
  if (!applied) return { ...base, outcome: "duplicate", from: locked.orderStatus, to: locked.orderStatus };
  // A refund/void Paymob now reports is no longer a pending reservation (same transaction, same lock).
  await resolveReversals(tx, obj, fact.kind, locked);
  await clearCartOfPaidOrder(tx, { orderId: locked.orderId, from: locked.orderStatus, to: transition.order });
  return { ...base, outcome: transition.reason, from: locked.orderStatus, to: transition.order, emailQueued };
}

function insertEvent(
  tx: Tx,
  obj: PaymobTransaction,
  options: ApplyOptions,
  locked: LockedAttempt | undefined,
  outcome: string,
  detail: string,
): Promise<number> {
  return insertTransactionEvent(tx, {
    source: options.source,
    rawBody: options.rawBody,
    signature: options.signature ?? null,
    paymobTransactionId: obj.id,
    paymobOrderId: obj.paymobOrderId,
    merchantOrderId: obj.merchantOrderId ?? null,
    attemptId: locked?.attemptId ?? null,
    orderId: locked?.orderId ?? null,
    outcome,
    detail,
  });
}

function describeFact(fact: TransactionFact, obj: PaymobTransaction): string {
  const message = obj.message ? ` (${obj.message})` : "";
  switch (fact.kind) {
    case "mismatch":
    case "errored":
    case "ignored":
      return `${fact.kind}: ${fact.detail}${message}`;
    case "authorised":
      return `authorised, not captured${fact.mismatch ? ` (mismatch: ${fact.mismatch})` : ""}${message}`;
    case "paid":
      return `${obj.hasParentTransaction ? `paid: capture of authorisation ${obj.parentTransactionId ?? "?"}` : "paid"}${message}`;
    case "refund":
      return `refund via ${fact.via}, total ${fact.refundedTotalMinor}${fact.full ? " (full)" : ""}${message}`;
    case "void":
      return `void via ${fact.via}${message}`;
    default:
      return `${fact.kind}${message}`;
  }
}
