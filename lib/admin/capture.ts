import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { logger } from "@/lib/logger";
import type { Viewer } from "@/lib/auth/session";
import { attemptCurrency } from "@/lib/payments/reservation-queries";
import type { AuthorisationRequest } from "./authorisation-balance";
import { reserveAuthorisationRequest, type AuthorisationReserveResult } from "./authorisation-reservations";
import { asAdmin } from "./guard";
import { NOT_ADMIN, type AdminNotice } from "./notices";
import type { AdminActionState } from "./operations";
import { sendReversal, type ReversalAnswer } from "./send-reversal";

// Capture or release (void) an authorisation: a payment Paymob approved with is_auth=true, which holds the money
// on the card without taking it. Same rules as refund and void (operations.ts): check the caller, validate
// with zod, re-read the order, reserve the request in the database (lib/admin/authorisation-reservations.ts),
// only then call Paymob — and never change the order here. Paymob answers with a capture (or void) child
// transaction and POSTs it to our callback; that verified callback moves the order authorised → paid (or
// voided) and settles the reservation.

export type CaptureGateway = {
  capture(input: { transactionId: number; amountCents: number }): Promise<ReversalAnswer>;
  void(input: { transactionId: number }): Promise<ReversalAnswer>;
};

const REFUSED = { status: "refused", notice: NOT_ADMIN } as const;
export const authorisationInput = z.object({
  reference: z.string().trim().min(1).max(64),
  attemptId: z.uuid(),
  transactionId: z.coerce.number().int().positive(),
});

/** Captures the whole authorised amount, which must be exactly what the order asked for. */
export async function requestCapture(
  viewer: Viewer | null,
  db: Db,
  form: unknown,
  gateway: CaptureGateway,
): Promise<AdminActionState> {
  return requestOnAuthorisation(viewer, db, form, { kind: "capture" }, gateway);
}

/** Releases the hold: nothing was charged, so there is nothing to refund. */
export async function requestAuthorisationVoid(
  viewer: Viewer | null,
  db: Db,
  form: unknown,
  gateway: CaptureGateway,
): Promise<AdminActionState> {
  return requestOnAuthorisation(viewer, db, form, { kind: "void" }, gateway);
}

async function requestOnAuthorisation(
  viewer: Viewer | null,
  db: Db,
  form: unknown,
  request: AuthorisationRequest,
  gateway: CaptureGateway,
): Promise<AdminActionState> {
  const admin = asAdmin(viewer);
  if (!admin) return REFUSED;
  const input = authorisationInput.safeParse(form);
  if (!input.success) return { status: "invalid", notice: { code: "form_incomplete", form: request.kind } };
  const { reference, attemptId, transactionId } = input.data;
  const currency = await attemptCurrency(db, reference, attemptId);
  if (!currency) return { status: "invalid", notice: { code: "no_authorisation" } };
  // The check that holds across requests and instances: under the attempt's row lock, in the database.
  const reserved = await reserveAuthorisationRequest(db, {
    ...request,
    attemptId,
    transactionId,
    requestedBy: admin.verifiedEmail,
  });
  if (!reserved.ok) return { status: "invalid", notice: authorisationRefusalNotice(reserved, currency) };
  const { reversal } = reserved;
  logger.info(
    { scope: "admin", admin: admin.verifiedEmail, orderReference: reference, transactionId, reversalId: reversal.id },
    `${request.kind} of an authorisation requested`,
  );
  const call = () =>
    reversal.kind === "capture"
      ? gateway.capture({ transactionId, amountCents: reversal.amountMinor })
      : gateway.void({ transactionId });
  return sendReversal(db, reversal, reference, call);
}

/** Why a capture or void of an authorisation was refused, as a notice for the admin. */
export function authorisationRefusalNotice(
  refusal: Extract<AuthorisationReserveResult, { ok: false }>,
  currency: string,
): AdminNotice {
  switch (refusal.reason) {
    case "no_attempt":
    case "not_authorised":
      return { code: "no_authorisation" };
    case "captured":
      return { code: "authorisation_captured" };
    case "voided":
      return { code: "authorisation_voided" };
    case "capture_pending":
      return { code: "capture_pending" };
    case "void_pending":
      return { code: "authorisation_void_pending" };
    case "second_authorisation":
      return { code: "second_authorisation" };
    case "order_not_authorised":
      return { code: "order_not_authorised" };
    case "amount_differs":
      return {
        code: "authorised_amount_differs",
        currency,
        authorisedMinor: refusal.authorisation?.amountMinor ?? 0,
        orderMinor: refusal.orderAmountMinor ?? 0,
      };
  }
}
