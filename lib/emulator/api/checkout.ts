import "server-only";
import { logger } from "@/lib/logger";
import { AFTER_PAYMENT_PUMP_MS, pumpFor } from "../deliveries";
import { readForm, seeOther, html, type EmuContext } from "../http";
import { cardInput, firstError, splitExpiry, walletInput } from "../payment-input";
import { completeChallenge } from "../payment-challenge";
import type { PaymentResult } from "../payment-finish";
import { startPayment } from "../payments";
import { checkoutPage, type CheckoutFormState } from "../pages/checkout";
import { challengePage } from "../pages/challenge";
import { messagePage } from "../pages/layout";
import { STRINGS, type EmuNotice } from "../pages/strings";
import type { EmuIntention } from "../db/schema";
import { intentionByClientSecret, intentionById, savedCardsByTokens, transactionById } from "../repo";
import { publicKeyOf, publicKeyOpens } from "../settings";
import { LANGUAGE_COOKIE, languageParam, pageLanguage, withLanguage, type EmuLanguage } from "../language";

// The hosted Unified Checkout: GET /unifiedcheckout/, POST /unifiedcheckout/pay, the emulated ACS/wallet step
// at /acs/{transaction}/, and Paymob's default status page when the merchant gave no redirection_url.

type Refusal = Extract<PaymentResult, { kind: "refused" }>["reason"];
const REFUSAL_STATUS: Record<Refusal, number> = {
  already_paid: 409,
  expired: 410,
  method_unavailable: 400,
  unknown_token: 400,
  cvv_required: 400,
  not_found: 404,
};

/** A one-message page in the customer's language (lib/emulator/pages/strings.ts has the words). */
function noticePage(status: number, notice: EmuNotice, language: EmuLanguage): Response {
  const [title, message] = STRINGS[language].notices[notice];
  return messagePage(status, title, message, language);
}
const refusalPage = (reason: Refusal, language: EmuLanguage) => noticePage(REFUSAL_STATUS[reason], reason, language);

/**
 * Sends the browser on: to the ACS page (in the language the customer paid in), or (finished) to the merchant
 * with the signed query, pumping callbacks after.
 */
function respondToPayment(ctx: EmuContext, result: PaymentResult, language: EmuLanguage = "en"): Response {
  if (result.kind === "refused") return refusalPage(result.reason, language);
  if (result.kind === "challenge") return seeOther(withLanguage(result.challengeUrl, language));
  const { id: transactionId, orderId, intentionId, success, pending } = result.transaction;
  logger.info(
    { scope: "paymob-emulator", transactionId, orderId, intentionId, success, pending },
    "transaction finished",
  );
  ctx.defer(() => pumpFor(ctx.db, AFTER_PAYMENT_PUMP_MS));
  return seeOther(result.redirectUrl);
}

async function checkoutIntention(
  ctx: EmuContext,
  publicKey: string | null | undefined,
  clientSecret: string | null | undefined,
) {
  if (!clientSecret || !publicKeyOpens(publicKey, clientSecret)) return undefined;
  return intentionByClientSecret(ctx.db, clientSecret);
}

export async function showCheckout(ctx: EmuContext): Promise<Response> {
  const intention = await checkoutIntention(
    ctx,
    ctx.url.searchParams.get("publicKey"),
    ctx.url.searchParams.get("clientSecret"),
  );
  const language = pageLanguage(ctx.request);
  if (!intention) return refusalPage("not_found", language);
  if (intention.status === "paid") return refusalPage("already_paid", language);
  if (intention.expiresAt.getTime() < Date.now()) return refusalPage("expired", language);
  // The switch comes back to this very URL (path and query); the base is the emulator's own origin and mount.
  const view = { language, back: `${ctx.url.pathname}${ctx.url.search}` };
  return html(
    200,
    checkoutPage(
      ctx.base,
      publicKeyOf(intention.clientSecret),
      intention,
      {},
      await offeredCards(ctx, intention),
      view,
    ),
  );
}

/** The saved cards the merchant offered on this intention (`card_tokens`), as the page lists them. */
async function offeredCards(ctx: EmuContext, intention: EmuIntention) {
  return savedCardsByTokens(ctx.db, intention.cardTokens as string[]);
}

export async function submitCheckout(ctx: EmuContext): Promise<Response> {
  const form = await readForm(ctx.request);
  const intention = await checkoutIntention(ctx, form.publicKey, form.clientSecret);
  // The page was shown in this language (same browser, same cookie), so its answer and next page are too.
  const language = pageLanguage(ctx.request);
  if (!intention) return refusalPage("not_found", language);
  const respond = (result: PaymentResult) => respondToPayment(ctx, result, language);
  const invalid = async (error: string) => {
    const values = Object.fromEntries(Object.entries(form).filter(([key]) => key !== "cvv")); // never echo the security code
    const state: CheckoutFormState = { error, values };
    return html(
      422,
      checkoutPage(
        ctx.base,
        publicKeyOf(intention.clientSecret),
        intention,
        state,
        await offeredCards(ctx, intention),
        {
          language,
        },
      ),
    );
  };
  if (form.method === "saved_card") {
    // Only the CVV: the card itself is the token the merchant listed in card_tokens (payments.ts checks it).
    if (!/^\d{3,4}$/.test(form.cvv ?? "")) return invalid("Enter the 3 or 4 digit security code.");
    const method = { type: "token", token: form.card_token ?? "", cvv: form.cvv ?? null, moto: false } as const;
    return respond(await startPayment(ctx.db, ctx.base, intention.id, method, "IFRAME"));
  }
  if (form.method === "wallet") {
    const wallet = walletInput.safeParse({ number: form.wallet_number ?? "" });
    if (!wallet.success) return invalid(firstError(wallet.error));
    return respond(
      await startPayment(ctx.db, ctx.base, intention.id, { type: "wallet", number: wallet.data.number }, "IFRAME"),
    );
  }
  const [expiryMonth, expiryYear] = splitExpiry(form.expiry ?? "");
  const card = cardInput.safeParse({
    number: form.card_number ?? "",
    name: form.card_name ?? "",
    expiryMonth,
    expiryYear,
    cvv: form.cvv ?? "",
    saveCard: form.save_card === "1",
  });
  if (!card.success) return invalid(firstError(card.error));
  return respond(
    await startPayment(
      ctx.db,
      ctx.base,
      intention.id,
      { type: "card", digits: card.data.number, saveCard: card.data.saveCard },
      "IFRAME",
    ),
  );
}

async function challengeContext(ctx: EmuContext, id: string, token: string | null | undefined) {
  const tx = /^\d+$/.test(id) ? await transactionById(ctx.db, Number(id)) : undefined;
  if (!tx || !token || tx.acsToken !== token) return null;
  const intention = await intentionById(ctx.db, tx.intentionId);
  return intention ? { tx, intention } : null;
}

export async function showChallenge(ctx: EmuContext, id: string): Promise<Response> {
  // The language the customer paid in rides on the link; opened on its own, the page follows the browser.
  const language = languageParam(ctx.url) ?? pageLanguage(ctx.request);
  const found = await challengeContext(ctx, id, ctx.url.searchParams.get("token"));
  if (!found) return refusalPage("not_found", language);
  if (!found.tx.awaitingChallenge) return noticePage(200, "already_completed", language);
  return html(200, challengePage(ctx.base, found.intention, found.tx, undefined, language));
}

export async function submitChallenge(ctx: EmuContext, id: string): Promise<Response> {
  const form = await readForm(ctx.request);
  const language = languageParam(ctx.url) ?? pageLanguage(ctx.request);
  const found = await challengeContext(ctx, id, form.token);
  if (!found) return refusalPage("not_found", language);
  const answer = form.cancel === "1" ? "cancel" : { otp: (form.otp ?? "").trim(), mpin: form.mpin?.trim() };
  return respondToPayment(ctx, await completeChallenge(ctx.db, ctx.base, found.tx.id, form.token!, answer), language);
}

/** Paymob's own result page, used when an intention has no redirection_url. */
export function paymentStatus(ctx: EmuContext): Response {
  const q = ctx.url.searchParams;
  const language = pageLanguage(ctx.request);
  const t = STRINGS[language];
  const title =
    t.status[q.get("success") === "true" ? "success" : q.get("pending") === "true" ? "pending" : "declined"];
  // data.message is Paymob's own text (English, like its dashboard), shown as it came.
  const line = t.statusLine(q.get("trx_id") ?? q.get("id") ?? "?", q.get("data.message") ?? title);
  return messagePage(200, title, line, language);
}

/** The language switch of the emulator's pages: remembers the choice on the emulator's path and goes back. */
export async function switchLanguage(ctx: EmuContext): Promise<Response> {
  const form = await readForm(ctx.request);
  const language: EmuLanguage = form.lang === "ar" ? "ar" : "en";
  const mount = new URL(ctx.base);
  // Only back to one of the emulator's own pages: the form's `back` is whatever the browser posts.
  const back = new URL(form.back ?? "", mount);
  const target = back.origin === mount.origin && back.pathname.startsWith(`${mount.pathname}/`) ? back : mount;
  const response = seeOther(target.toString());
  response.headers.append(
    "set-cookie",
    `${LANGUAGE_COOKIE}=${language}; Path=${mount.pathname}; Max-Age=31536000; SameSite=Lax; HttpOnly`,
  );
  return response;
}
