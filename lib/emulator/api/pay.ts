import "server-only";
import { z } from "zod";
import { logger } from "@/lib/logger";
import { AFTER_PAYMENT_PUMP_MS, pumpFor } from "../deliveries";
import { json, readJson, type EmuContext } from "../http";
import { fromAcceptLanguage, withLanguage } from "../language";
import { cardInput, walletInput } from "../payment-input";
import type { PaymentResult } from "../payment-finish";
import { startPayment, type PaymentMethodInput } from "../payments";
import { payAnswer, readPaySession, refusal, sessionError } from "./pay-session";
import { payWithToken } from "./pay-token";

// POST /api/acceptance/payments/pay — Paymob's Pay API, as the Pixel card frame and server-to-server callers use
// it. One envelope ({payment_token, source: {subtype, …}}, pay-session.ts), then one handler per subtype:
//   CARD   {identifier, sourceholder_name, expiry_month, expiry_year, cvn} (Paymob's legacy card body)
//   WALLET {identifier: the wallet's phone number} (Paymob's legacy mobile-wallet page)
//   TOKEN  {identifier: a saved card token, cvn?} (Postman "Pay with saved card"; Pixel's saved-card call)
// docs/paymob.md § "Pay API" lists the sources and the error bodies.

const cardSource = z.object({
  subtype: z.literal("CARD"),
  identifier: z.string(),
  sourceholder_name: z.string(),
  expiry_month: z.string(),
  expiry_year: z.string(),
  cvn: z.string(),
});
const walletSource = z.object({ subtype: z.literal("WALLET"), identifier: z.string() });
const tokenSource = z.looseObject({ subtype: z.literal("TOKEN"), identifier: z.string(), cvn: z.string().optional() });
const paySource = z.discriminatedUnion("subtype", [cardSource, walletSource, tokenSource]);
// Not in any public sample: the emulator's own card frame says here whether the payer ticked "save card".
const saveCard = z.boolean().optional().default(false);

/** Field errors as Django REST Framework nests them (Paymob's validation errors have this shape). */
const fieldError = (field: string, message: string) => json(400, { source: { [field]: [message] } });
const CARD_FIELDS: Record<string, string> = {
  number: "identifier",
  name: "sourceholder_name",
  expiryMonth: "expiry_month",
  expiryYear: "expiry_year",
  expiry: "expiry_month",
  cvv: "cvn",
};

type Paying = { method: PaymentMethodInput } | { response: Response };

function cardPayment(source: z.output<typeof cardSource>, save: boolean): Paying {
  const card = cardInput.safeParse({
    number: source.identifier,
    name: source.sourceholder_name,
    expiryMonth: source.expiry_month,
    expiryYear: source.expiry_year,
    cvv: source.cvn,
    saveCard: save,
  });
  if (card.success) return { method: { type: "card", digits: card.data.number, saveCard: card.data.saveCard } };
  const issue = card.error.issues[0];
  return { response: fieldError(CARD_FIELDS[String(issue?.path[0])] ?? "identifier", issue?.message ?? "Invalid.") };
}

function walletPayment(source: z.output<typeof walletSource>): Paying {
  const wallet = walletInput.safeParse({ number: source.identifier });
  if (wallet.success) return { method: { type: "wallet", number: wallet.data.number } };
  return { response: fieldError("identifier", wallet.error.issues[0]?.message ?? "Invalid.") };
}

export async function pay(ctx: EmuContext): Promise<Response> {
  const raw = await readJson(ctx.request);
  if (!raw.ok) return raw.response;
  const session = await readPaySession(ctx, raw.value);
  if (session instanceof Response) return session;
  const source = paySource.safeParse(session.body.source);
  if (!source.success) return sessionError();
  if (source.data.subtype === "TOKEN") return payWithToken(ctx, session, source.data);

  const paying =
    source.data.subtype === "CARD"
      ? cardPayment(source.data, saveCard.safeParse(session.body.save_card).data ?? false)
      : walletPayment(source.data);
  if ("response" in paying) return paying.response;
  // The token pays one integration: a card token cannot pay by wallet, nor the other way round.
  if (session.integration.name !== paying.method.type) return sessionError();

  const started = await startPayment(ctx.db, ctx.base, session.intention.id, paying.method, "PIXEL");
  if (started.kind === "refused") return refusal(started.reason);
  // The bank's page speaks the card frame's language: the frame names it in Accept-Language (iframe-script.ts).
  const language = fromAcceptLanguage(ctx.request.headers.get("accept-language")) ?? "en";
  const result =
    started.kind === "challenge" ? { ...started, challengeUrl: withLanguage(started.challengeUrl, language) } : started;
  logFinished(ctx, result);
  // A wallet waiting for its PIN and OTP names that page as Paymob's wallet answers do.
  const keys = paying.method.type === "wallet" ? ["redirect_url", "iframe_redirection_url"] : undefined;
  return json(200, payAnswer(result, keys));
}

function logFinished(ctx: EmuContext, result: Exclude<PaymentResult, { kind: "refused" }>) {
  if (result.kind !== "finished") return;
  const { id: transactionId, orderId, intentionId, success, pending } = result.transaction;
  logger.info(
    { scope: "paymob-emulator", transactionId, orderId, intentionId, success, pending },
    "Pay API transaction finished",
  );
  ctx.defer(() => pumpFor(ctx.db, AFTER_PAYMENT_PUMP_MS));
}
