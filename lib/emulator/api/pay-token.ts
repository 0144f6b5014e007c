import "server-only";
import { z } from "zod";
import { logger } from "@/lib/logger";
import { AFTER_PAYMENT_PUMP_MS, pumpFor } from "../deliveries";
import { json, type EmuContext } from "../http";
import type { StoredPaymentMethod } from "../intention-shapes";
import { startPayment, type PaymentResult } from "../payments";
import { redirectPairs } from "../redirect-query";
import { intentionById } from "../repo";
import { readPaymentKey } from "../tokens";

// POST /api/acceptance/payments/pay with `source.subtype: "TOKEN"`: a payment with a saved card
// (docs/paymob.md § "Saved cards"). Two bodies reach it:
// - Pixel's saved-card pay (Pixel bundle, src/services/cardService.ts payWithSavedCard):
//   {source:{identifier:<token>, subtype:"TOKEN", cvn, unified_checkout:"False"}, payment_token,
//    unified_checkout:"False", api_source:"PIXEL"} — the customer picked a card the intention listed and typed its CVV;
// - the merchant's MOTO charge (Postman "Pay with saved card", Moto_Card_Pay):
//   {source:{identifier:<token>, subtype:"TOKEN"}, payment_token:<payment key of a MOTO integration>}.
// Which one it is follows from the payment key's integration, never from the body's say-so. The answer is the
// Pay API's flat object with string booleans; Pixel navigates to its `redirection_url` on a 200.

const tokenBody = z.looseObject({
  payment_token: z.string().min(1),
  api_source: z.string().optional(),
  source: z.looseObject({
    identifier: z.string().min(1),
    subtype: z.literal("TOKEN"),
    cvn: z.string().optional(),
  }),
});

/** Whether a Pay API body is a saved-card one (the dispatch in pay.ts). */
export function isTokenPayment(body: unknown): boolean {
  return z.looseObject({ source: z.looseObject({ subtype: z.literal("TOKEN") }) }).safeParse(body).success;
}

const SESSION_ERROR = { message: "Session Error" };

function answer(result: Exclude<PaymentResult, { kind: "refused" }>): Record<string, string> {
  if (result.kind === "challenge") {
    const t = result.transaction;
    return {
      id: String(t.id),
      pending: "true",
      success: "false",
      is_3d_secure: "true",
      amount_cents: String(t.amountCents),
      currency: t.currency,
      order: String(t.orderId),
      redirection_url: result.challengeUrl,
      redirect_url: result.challengeUrl,
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

export async function payWithToken(ctx: EmuContext, raw: unknown): Promise<Response> {
  const parsed = tokenBody.safeParse(raw);
  if (!parsed.success) return json(400, SESSION_ERROR);
  const { payment_token, source, api_source } = parsed.data;
  const claims = readPaymentKey(payment_token);
  const intentionId = typeof claims?.next_payment_intention === "string" ? claims.next_payment_intention : null;
  const intention = intentionId ? await intentionById(ctx.db, intentionId) : undefined;
  if (!intention || !claims) return json(401, { message: "Payment session expired. Reload the page." });
  const integration = (intention.paymentMethods as StoredPaymentMethod[]).find(
    (m) => m.integration_id === claims.integration_id,
  );
  const moto = integration?.method_type === "moto";
  const result = await startPayment(
    ctx.db,
    ctx.base,
    intention.id,
    { type: "token", token: source.identifier, cvv: source.cvn ?? null, moto },
    moto ? "OTHER" : api_source === "PIXEL" ? "PIXEL" : "IFRAME",
  );
  if (result.kind === "refused") {
    return result.reason === "already_paid"
      ? json(400, { message: "Order has already paid." })
      : result.reason === "expired"
        ? json(401, { message: "Payment session expired." })
        : json(400, SESSION_ERROR);
  }
  if (result.kind === "finished") {
    const { id: transactionId, orderId, success, pending } = result.transaction;
    logger.info(
      { scope: "paymob-emulator", transactionId, orderId, intentionId: intention.id, success, pending, moto },
      "saved-card transaction finished",
    );
    ctx.defer(() => pumpFor(ctx.db, AFTER_PAYMENT_PUMP_MS));
  }
  return json(200, answer(result));
}
