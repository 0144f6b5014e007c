import "server-only";
import { logger } from "@/lib/logger";
import { AFTER_PAYMENT_PUMP_MS, pumpFor } from "../deliveries";
import { json, type EmuContext } from "../http";
import { startPayment } from "../payments";
import { payAnswer, refusal, type PaySession } from "./pay-session";

// POST /api/acceptance/payments/pay with `source.subtype: "TOKEN"`: a payment with a saved card
// (docs/paymob.md § "Saved cards"). Two bodies reach it:
// - Pixel's saved-card pay (Pixel bundle, src/services/cardService.ts payWithSavedCard):
//   {source:{identifier:<token>, subtype:"TOKEN", cvn, unified_checkout:"False"}, payment_token,
//    unified_checkout:"False", api_source:"PIXEL"} — the customer picked a card the intention listed and typed its CVV;
// - the merchant's MOTO charge (Postman "Pay with saved card", Moto_Card_Pay):
//   {source:{identifier:<token>, subtype:"TOKEN"}, payment_token:<payment key of a MOTO integration>}.
// Which one it is follows from the payment key's integration, never from the body's say-so. The answer is the
// Pay API's flat object with string booleans; Pixel navigates to its `redirection_url` on a 200.

/** The TOKEN source after pay.ts's dispatch: the saved card's token and, for a customer's payment, its CVV. */
export type TokenSource = { identifier: string; cvn?: string };

export async function payWithToken(ctx: EmuContext, session: PaySession, source: TokenSource): Promise<Response> {
  const { intention, integration } = session;
  const moto = integration.method_type === "moto";
  const apiSource = moto ? "OTHER" : session.body.api_source === "PIXEL" ? "PIXEL" : "IFRAME";
  const result = await startPayment(
    ctx.db,
    ctx.base,
    intention.id,
    { type: "token", token: source.identifier, cvv: source.cvn ?? null, moto },
    apiSource,
  );
  if (result.kind === "refused") return refusal(result.reason);
  if (result.kind === "finished") {
    const { id: transactionId, orderId, success, pending } = result.transaction;
    logger.info(
      { scope: "paymob-emulator", transactionId, orderId, intentionId: intention.id, success, pending, moto },
      "saved-card transaction finished",
    );
    ctx.defer(() => pumpFor(ctx.db, AFTER_PAYMENT_PUMP_MS));
  }
  return json(200, payAnswer(result));
}
