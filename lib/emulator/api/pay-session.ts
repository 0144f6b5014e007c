import "server-only";
import { z } from "zod";
import type { EmuIntention } from "../db/schema";
import { json, type EmuContext } from "../http";
import type { StoredPaymentMethod } from "../intention-shapes";
import type { PaymentResult } from "../payment-finish";
import { redirectPairs } from "../redirect-query";
import { intentionById } from "../repo";
import { readPaymentKey } from "../tokens";

// What every body of POST /api/acceptance/payments/pay shares, whatever pays: Paymob's envelope
// {payment_token, source: {subtype, …}}. The payment token (the intention's per-integration payment key) alone
// says which intention and integration pay; no client secret is sent (Pixel's card frame never gets one).
// Each subtype's handler (CARD and WALLET in pay.ts, TOKEN for saved cards) reads its own source fields.
// Error bodies are the ones Pixel's card component recognises (docs/paymob.md § "Pay API").

const PAY_SUBTYPES = ["CARD", "WALLET", "TOKEN"] as const;

/** The envelope only: a subtype's own fields are checked by its handler, so they can answer per field. */
const payEnvelope = z.object({
  payment_token: z.string().min(1),
  source: z.looseObject({ subtype: z.enum(PAY_SUBTYPES) }),
});

/** Pixel shows "already processed" for this body (its card component checks `message === "Session Error"`). */
export const sessionError = () => json(400, { message: "Session Error" });
/** Pixel checks this body either as a one-element list or as `{msg}`; Django REST's ValidationError is the list. */
const alreadyPaid = () => json(400, ["Order has already paid."]);
/** Pixel maps any 401 to "expired"; the public sources show no body, this one is the emulator's (DRF's shape). */
const expiredToken = () => json(401, { detail: "Invalid or expired payment token." });

export type PaySession = {
  intention: EmuIntention;
  /** The integration the payment token was issued for. */
  integration: StoredPaymentMethod;
  body: z.output<typeof payEnvelope> & Record<string, unknown>;
};

/**
 * Reads the envelope and the payment token: the paying intention, or the answer to send instead. A token that
 * does not verify (forged, expired) is a 401; a body without the envelope is Paymob's session error.
 */
export async function readPaySession(ctx: EmuContext, raw: unknown): Promise<PaySession | Response> {
  const envelope = payEnvelope.safeParse(raw);
  if (!envelope.success) return sessionError();
  const claims = readPaymentKey(envelope.data.payment_token);
  const intentionId = typeof claims?.next_payment_intention === "string" ? claims.next_payment_intention : null;
  const intention = intentionId ? await intentionById(ctx.db, intentionId) : undefined;
  if (!claims || !intention) return expiredToken();
  const integration = (intention.paymentMethods as StoredPaymentMethod[]).find(
    (m) => m.integration_id === claims.integration_id,
  );
  if (!integration) return sessionError();
  return { intention, integration, body: { ...(raw as Record<string, unknown>), ...envelope.data } };
}

/** A refusal of the payment engine, as Paymob answers it. */
export function refusal(reason: Extract<PaymentResult, { kind: "refused" }>["reason"]): Response {
  if (reason === "already_paid") return alreadyPaid();
  if (reason === "expired") return expiredToken();
  return sessionError();
}

/**
 * The 200 answer: a flat object whose booleans are STRINGS ("true"/"false"), as Paymob's Pay API sends them.
 * A finished payment carries the signed redirect's values and URL; a card waiting for 3-D Secure carries
 * `is_3d_secure: "true"` and the bank page as `redirection_url`, which is what makes Pixel navigate.
 * `challengeKeys`: where a pending result names its next page (wallets use other keys than cards).
 */
export function payAnswer(
  result: Exclude<PaymentResult, { kind: "refused" }>,
  challengeKeys: readonly string[] = ["redirection_url", "redirect_url"],
): Record<string, string> {
  if (result.kind === "challenge") {
    const t = result.transaction;
    return {
      id: String(t.id),
      pending: "true",
      success: "false",
      is_3d_secure: String(t.is3dSecure),
      amount_cents: String(t.amountCents),
      currency: t.currency,
      order: String(t.orderId),
      ...Object.fromEntries(challengeKeys.map((k) => [k, result.challengeUrl])),
    };
  }
  const signed = new URL(result.redirectUrl).searchParams;
  return {
    ...Object.fromEntries(redirectPairs(result.obj)),
    hmac: signed.get("hmac") ?? "",
    redirection_url: result.redirectUrl,
    redirect_url: result.redirectUrl,
  };
}
