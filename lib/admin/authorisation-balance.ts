import type { OrderStatus } from "@/db/schema/orders";
import type { ReversalKind } from "@/db/schema/reversals";
import type { AuthorisationLedger } from "./ledger";

// What one authorisation (a Paymob transaction with is_auth=true: money held on the card, not taken) still
// allows: ONE capture of the whole authorised amount, or ONE void, never both, never twice, and nothing while
// another request on it awaits Paymob. Pure: lib/admin/authorisation-reservations.ts reads the rows under the
// attempt's row lock and asks this, so requests from any tab or server instance are decided one after another.
//
// Paymob takes a capture of up to the authorised amount (POST /api/acceptance/capture); the store only ever
// captures exactly what the order asked for, so an authorisation of another amount is voided, never captured.

export type AuthorisationRequest = { kind: "capture" } | { kind: "void" };

export type AuthorisationRefusal =
  | "not_authorised" // no authorisation of this attempt under that transaction id
  | "captured"
  | "voided"
  | "capture_pending" // a capture is awaiting Paymob: no second capture, no void
  | "void_pending" // a void is awaiting Paymob: no capture, no second void
  | "second_authorisation" // a second hold next to an earlier payment: void it, never capture it
  | "order_not_authorised" // the order is not awaiting capture (paid by another payment, in review, …)
  | "amount_differs"; // the authorised amount is not what the order asked for

export type AuthorisationState = {
  /** The authorisation as Paymob's verified callbacks describe it (lib/admin/ledger.ts); undefined if none. */
  authorisation: Pick<AuthorisationLedger, "amountMinor" | "captured" | "voided" | "extra"> | undefined;
  /** Requests on this authorisation still awaiting Paymob (status "pending"). */
  pending: readonly { kind: ReversalKind }[];
  orderStatus: OrderStatus;
  /** What the attempt asked the customer to pay. */
  orderAmountMinor: number;
};

export type AuthorisationDecision =
  { ok: true; kind: "capture" | "void"; amountMinor: number } | { ok: false; reason: AuthorisationRefusal };

/** Whether `request` may be reserved. Both reserve the whole authorised amount: a capture takes it, a void frees it. */
export function decideAuthorisationRequest(
  state: AuthorisationState,
  request: AuthorisationRequest,
): AuthorisationDecision {
  const { authorisation } = state;
  if (!authorisation || authorisation.amountMinor <= 0) return { ok: false, reason: "not_authorised" };
  if (authorisation.voided) return { ok: false, reason: "voided" };
  if (authorisation.captured) return { ok: false, reason: "captured" };
  if (state.pending.some((r) => r.kind === "void")) return { ok: false, reason: "void_pending" };
  // Anything else pending on an authorisation is a capture (refunds only ever reserve against captures).
  if (state.pending.length > 0) return { ok: false, reason: "capture_pending" };
  if (request.kind === "capture") {
    if (authorisation.extra) return { ok: false, reason: "second_authorisation" };
    if (state.orderStatus !== "authorised") return { ok: false, reason: "order_not_authorised" };
    if (authorisation.amountMinor !== state.orderAmountMinor) return { ok: false, reason: "amount_differs" };
  }
  return { ok: true, kind: request.kind, amountMinor: authorisation.amountMinor };
}
