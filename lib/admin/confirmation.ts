import "server-only";
import type { Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { findAttemptWithOrder } from "@/lib/orders/queries";
import { parseMajorAmount, toMajorString } from "./amount";
import { previewAuthorisationRequest } from "./authorisation-reservations";
import { authorisationInput, authorisationRefusalMessage } from "./capture";
import { asAdmin } from "./guard";
import { attemptInput, openReversal, refundInput, type AdminActionState } from "./operations";
import { previewReversal } from "./reversals";
import { refusalMessage } from "./send-reversal";

// The confirmation step before a refund or a void: money leaves the store and cannot be called back, so the
// admin first sees exactly what will happen, with the amount, and confirms it in a second submit. A server
// step (not window.confirm), so it works without JavaScript and reads the same to a screen reader. Nothing is
// reserved or sent here; the confirmed request goes through requestRefund/requestVoid and all their checks.

export async function previewRefund(viewer: Viewer | null, db: Db, form: unknown): Promise<AdminActionState> {
  const opened = await openReversal(viewer, db, form, refundInput, "refund");
  if (!opened.ok) return opened.state;
  const { input, found, capture } = opened;
  if (!capture || capture.refundableMinor === 0)
    return { status: "invalid", message: "Nothing left to refund on this payment." };
  const amount = parseMajorAmount(input.amount, found.currency);
  if (amount === null || amount <= 0)
    return {
      status: "invalid",
      message: `Enter an amount like ${toMajorString(capture.refundableMinor, found.currency)}.`,
    };
  const fits = await previewReversal(db, {
    kind: "refund",
    amountMinor: amount,
    orderId: found.orderId,
    attemptId: found.attemptId,
    transactionId: capture.transactionId,
  });
  if (!fits.ok) return { status: "invalid", message: refusalMessage(fits.reason, fits.balance, found.currency) };
  const money = formatMoney(amount, found.currency);
  const whole = amount === capture.refundableMinor ? " That is everything still refundable on this payment." : "";
  return {
    status: "confirm",
    message: `Refund ${money} of order ${found.reference} to the customer's card?${whole} Paymob sends the money back; this cannot be undone.`,
    amount: toMajorString(amount, found.currency),
    confirmLabel: `Refund ${money}`,
  };
}

export async function previewVoid(viewer: Viewer | null, db: Db, form: unknown): Promise<AdminActionState> {
  const opened = await openReversal(viewer, db, form, attemptInput, "void");
  if (!opened.ok) return opened.state;
  const { found, capture } = opened;
  if (!capture || !capture.canVoid)
    return { status: "invalid", message: "Only a captured payment with no refunds can be voided." };
  const fits = await previewReversal(db, {
    kind: "void",
    orderId: found.orderId,
    attemptId: found.attemptId,
    transactionId: capture.transactionId,
  });
  if (!fits.ok) return { status: "invalid", message: refusalMessage(fits.reason, fits.balance, found.currency) };
  const money = formatMoney(fits.amountMinor, found.currency);
  return {
    status: "confirm",
    message: `Void the whole payment of ${money} on order ${found.reference}? The customer is not charged; this cannot be undone.`,
    amount: "",
    confirmLabel: `Void ${money}`,
  };
}

/** Releasing a hold: the customer's card is freed and the order can no longer be captured with it. */
export async function previewAuthorisationVoid(
  viewer: Viewer | null,
  db: Db,
  form: unknown,
): Promise<AdminActionState> {
  if (!asAdmin(viewer)) return { status: "refused", message: "Not allowed: this needs an administrator." };
  const input = authorisationInput.safeParse(form);
  if (!input.success) return { status: "invalid", message: "This void form is incomplete. Reload the page." };
  const { reference, attemptId, transactionId } = input.data;
  const found = await findAttemptWithOrder(db, { attemptId });
  if (!found || found.order.reference !== reference)
    return { status: "invalid", message: "No such authorisation on this order." };
  const { attempt } = found;
  const fits = await previewAuthorisationRequest(db, attempt, { kind: "void", transactionId });
  if (!fits.ok) return { status: "invalid", message: authorisationRefusalMessage(fits, attempt.currency) };
  const money = formatMoney(fits.amountMinor, attempt.currency);
  return {
    status: "confirm",
    message: `Void the authorisation of ${money} on order ${reference}? The hold on the customer's card is released and it can no longer be captured; this cannot be undone.`,
    amount: "",
    confirmLabel: `Void ${money}`,
  };
}
