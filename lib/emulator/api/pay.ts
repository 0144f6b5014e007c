import "server-only";
import { z } from "zod";
import { logger } from "@/lib/logger";
import { AFTER_PAYMENT_PUMP_MS, pumpFor } from "../deliveries";
import { json, readJson, type EmuContext } from "../http";
import { cardInput, firstError } from "../payment-input";
import { isTokenPayment, payWithToken } from "./pay-token";
import { startPayment, type PaymentResult } from "../payments";
import { redirectPairs } from "../redirect-query";
import { intentionByClientSecret } from "../repo";
import { readPaymentKey } from "../tokens";

// POST /api/acceptance/payments/pay — what the Pixel card iframe calls. Request: Paymob's legacy card body
// ({source:{identifier, sourceholder_name, subtype:"CARD", expiry_month, expiry_year, cvn}, payment_token}) plus
// the client secret. Response: like Paymob's Pay API, a flat object whose booleans are STRINGS ("true"/"false");
// Pixel navigates to `redirection_url` when `is_3d_secure` is "true" (docs/paymob.md § "Pixel").

const body = z.object({
  client_secret: z.string().min(1),
  payment_token: z.string().min(1),
  save_card: z.boolean().optional().default(false),
  source: z.object({
    identifier: z.string(),
    sourceholder_name: z.string(),
    subtype: z.literal("CARD"),
    expiry_month: z.string(),
    expiry_year: z.string(),
    cvn: z.string(),
  }),
});

const SESSION_ERROR = { message: "Session Error" };

function payResponse(result: Exclude<PaymentResult, { kind: "refused" }>): Record<string, string> {
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

export async function pay(ctx: EmuContext): Promise<Response> {
  const raw = await readJson(ctx.request);
  if (!raw.ok) return raw.response;
  if (isTokenPayment(raw.value)) return payWithToken(ctx, raw.value);
  const parsed = body.safeParse(raw.value);
  if (!parsed.success) return json(400, SESSION_ERROR);
  const { client_secret, payment_token, save_card, source } = parsed.data;
  const intention = await intentionByClientSecret(ctx.db, client_secret);
  const claims = readPaymentKey(payment_token);
  if (!intention || !claims || claims.next_payment_intention !== intention.id)
    return json(401, { message: "Payment session expired. Reload the page." });

  const card = cardInput.safeParse({
    number: source.identifier,
    name: source.sourceholder_name,
    expiryMonth: source.expiry_month,
    expiryYear: source.expiry_year,
    cvv: source.cvn,
    saveCard: save_card,
  });
  if (!card.success) return json(400, { message: firstError(card.error) });
  const result = await startPayment(
    ctx.db,
    ctx.base,
    intention.id,
    { type: "card", digits: card.data.number, saveCard: card.data.saveCard },
    "PIXEL",
  );
  if (result.kind === "refused") {
    return result.reason === "already_paid"
      ? json(400, { message: "Order has already paid." })
      : result.reason === "expired"
        ? json(401, { message: "Payment session expired." })
        : json(400, SESSION_ERROR);
  }
  if (result.kind === "finished") {
    const { id: transactionId, orderId, intentionId, success, pending } = result.transaction;
    logger.info(
      { scope: "paymob-emulator", transactionId, orderId, intentionId, success, pending },
      "Pixel transaction finished",
    );
    ctx.defer(() => pumpFor(ctx.db, AFTER_PAYMENT_PUMP_MS));
  }
  return json(200, payResponse(result));
}
