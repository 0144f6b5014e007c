import "server-only";
import type { Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/session";
import { findAttemptWithOrder } from "@/lib/orders/queries";
import { parseMajorAmount, toMajorString } from "./amount";
import { previewAuthorisationRequest } from "./authorisation-reservations";
import { authorisationInput, authorisationRefusalNotice } from "./capture";
import { asAdmin } from "./guard";
import { NOT_ADMIN } from "./notices";
import { attemptInput, openReversal, refundInput, type AdminActionState } from "./operations";
import { previewReversal } from "./reversals";
import { refusalNotice } from "./send-reversal";

// The confirmation step before a refund or a void: money leaves the store and cannot be called back, so the
// admin first sees exactly what will happen, with the amount, and confirms it in a second submit. A server
// step (not window.confirm), so it works without JavaScript and reads the same to a screen reader. Nothing is
// reserved or sent here; the confirmed request goes through requestRefund/requestVoid and all their checks.

export async function previewRefund(viewer: Viewer | null, db: Db, form: unknown): Promise<AdminActionState> {
  const opened = await openReversal(viewer, db, form, refundInput, "refund");
  if (!opened.ok) return opened.state;
  const { input, found, capture } = opened;
  if (!capture || capture.refundableMinor === 0)
    return { status: "invalid", notice: { code: "nothing_to_refund", currency: found.currency, pendingMinor: 0 } };
  const amount = parseMajorAmount(input.amount, found.currency);
  if (amount === null || amount <= 0)
    return {
      status: "invalid",
      notice: { code: "amount_unreadable", example: toMajorString(capture.refundableMinor, found.currency) },
    };
  const fits = await previewReversal(db, {
    kind: "refund",
    amountMinor: amount,
    orderId: found.orderId,
    attemptId: found.attemptId,
    transactionId: capture.transactionId,
  });
  if (!fits.ok) return { status: "invalid", notice: refusalNotice(fits.reason, fits.balance, found.currency) };
  return {
    status: "confirm",
    notice: {
      code: "confirm_refund",
      reference: found.reference,
      amountMinor: amount,
      currency: found.currency,
      whole: amount === capture.refundableMinor,
    },
    amount: toMajorString(amount, found.currency),
  };
}

export async function previewVoid(viewer: Viewer | null, db: Db, form: unknown): Promise<AdminActionState> {
  const opened = await openReversal(viewer, db, form, attemptInput, "void");
  if (!opened.ok) return opened.state;
  const { found, capture } = opened;
  if (!capture || !capture.canVoid) return { status: "invalid", notice: { code: "void_needs_unrefunded" } };
  const fits = await previewReversal(db, {
    kind: "void",
    orderId: found.orderId,
    attemptId: found.attemptId,
    transactionId: capture.transactionId,
  });
  if (!fits.ok) return { status: "invalid", notice: refusalNotice(fits.reason, fits.balance, found.currency) };
  return {
    status: "confirm",
    notice: {
      code: "confirm_void",
      reference: found.reference,
      amountMinor: fits.amountMinor,
      currency: found.currency,
    },
    amount: "",
  };
}

/** Releasing a hold: the customer's card is freed and the order can no longer be captured with it. */
export async function previewAuthorisationVoid(
  viewer: Viewer | null,
  db: Db,
  form: unknown,
): Promise<AdminActionState> {
  if (!asAdmin(viewer)) return { status: "refused", notice: NOT_ADMIN };
  const input = authorisationInput.safeParse(form);
  if (!input.success) return { status: "invalid", notice: { code: "form_incomplete", form: "void" } };
  const { reference, attemptId, transactionId } = input.data;
  const found = await findAttemptWithOrder(db, { attemptId });
  if (!found || found.order.reference !== reference) return { status: "invalid", notice: { code: "no_authorisation" } };
  const { attempt } = found;
  const fits = await previewAuthorisationRequest(db, attempt, { kind: "void", transactionId });
  if (!fits.ok) return { status: "invalid", notice: authorisationRefusalNotice(fits, attempt.currency) };
  return {
    status: "confirm",
    notice: {
      code: "confirm_authorisation_void",
      reference,
      amountMinor: fits.amountMinor,
      currency: attempt.currency,
    },
    amount: "",
  };
}
