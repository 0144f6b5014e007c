import "server-only";
import type { PaymobRegion } from "@/lib/paymob/regions";
import { logger } from "@/lib/logger";
import { emuIntentions } from "../db/schema";
import { intentionUrlErrors } from "../exposure";
import { credential, detail, json, readJson, type EmuContext } from "../http";
import { drfErrors, intentionInput, type IntentionInput } from "../intention-input";
import { createResponse, elementResponse, type IntentionItem, type StoredPaymentMethod } from "../intention-shapes";
import { intentionByClientSecret, intentionBySpecialReference, savedCardsByTokens, successfulPayment } from "../repo";
import { clientSecretPrefix, findIntegration, itemSumRule, publicKeyOpens, regionOfSecretKey } from "../settings";
import { paymobTimestamp } from "../time";
import { hex32 } from "../tokens";

// POST /v1/intention/ and GET /v1/intention/element/{public_key}/{client_secret}/
// (docs/paymob.md § "Create an intention", § "Unified Checkout"); the update is in intention-update.ts.

const DEFAULT_EXPIRATION_SECONDS = 3_110_400; // Paymob's documented maximum and default (36 days)

const INTEGRATION_MISSING =
  "Integration ID/Name does not exist in our system . You can find the list of Integration ID\u2019/Names from Merchant Dashboard under Developers \u2192 Payment Integrations Tab";

/**
 * DRF answers a missing header and a wrong key differently; both are 401. A valid key names the region whose
 * account it belongs to (its egy_/sau_/are_/omn_ prefix).
 */
export function secretKeyRegion(request: Request): PaymobRegion | Response {
  const key = credential(request, "Token");
  if (key === null) return detail(401, "Authentication credentials were not provided.");
  return regionOfSecretKey(key) ?? detail(401, "Looks like the secret key is invalid");
}

export function secretKeyAuth(request: Request): Response | null {
  const region = secretKeyRegion(request);
  return region instanceof Response ? region : null;
}

export function itemsTotal(items: IntentionInput["items"]): number {
  const rule = itemSumRule();
  return items.reduce((sum, i) => sum + (rule === "amount_x_quantity" ? i.amount * (i.quantity ?? 1) : i.amount), 0);
}

/** Paymob's 406 when the items do not add up to the amount (Postman). */
export const unmatchedItems = (items: IntentionInput["items"], amount: number) =>
  json(406, {
    detail: "unmatched_item_prices",
    message: `Items add up to ${itemsTotal(items)}, but amount is ${amount}.`,
  });

/** The integrations named in payment_methods, in Paymob's response shape, or the answer refusing them. */
export function resolvePaymentMethods(
  region: PaymobRegion,
  refs: IntentionInput["payment_methods"],
  currency: string,
): { ok: true; methods: StoredPaymentMethod[] } | { ok: false; response: Response } {
  const methods: StoredPaymentMethod[] = [];
  for (const ref of refs) {
    const integration = findIntegration(region, ref);
    if (!integration) return { ok: false, response: detail(404, INTEGRATION_MISSING) };
    if (!methods.some((m) => m.integration_id === integration.integration_id))
      methods.push({ ...integration, alias: null, live: false, use_cvc_with_moto: false });
  }
  // "currency must match the currency of the selected Integration ID" (docs create-intention). Paymob's answer is
  // reported as 400 "Invalid currency sent"; its exact body is not published (docs/paymob.md § "Regions and hosts").
  if (methods.some((m) => m.currency !== currency.toUpperCase()))
    return { ok: false, response: detail(400, "Invalid currency sent") };
  return { ok: true, methods };
}

export const storedItems = (items: IntentionInput["items"]): IntentionItem[] =>
  items.map((i) => ({
    name: i.name,
    amount: i.amount,
    description: i.description ?? "",
    quantity: i.quantity ?? 1,
    image: i.image ?? null,
  }));

export const expiresIn = (seconds: number | undefined) =>
  new Date(Date.now() + (seconds ?? DEFAULT_EXPIRATION_SECONDS) * 1000);

export const duplicateReference = () =>
  json(400, {
    special_reference: ["Special reference must be unique; an intention with this reference already exists."],
  });

export async function createIntention(ctx: EmuContext): Promise<Response> {
  const region = secretKeyRegion(ctx.request);
  if (region instanceof Response) return region;
  const body = await readJson(ctx.request);
  if (!body.ok) return body.response;
  const parsed = intentionInput.safeParse(body.value);
  if (!parsed.success) return json(400, drfErrors(parsed.error));
  const input = parsed.data;
  // A public emulator only calls back (and sends browsers) to this app: Paymob-shaped 400 naming the field.
  const foreignUrls = intentionUrlErrors(input);
  if (foreignUrls) return json(400, foreignUrls);

  const resolved = resolvePaymentMethods(region, input.payment_methods, input.currency);
  if (!resolved.ok) return resolved.response;
  const methods = resolved.methods;

  if (input.items.length > 0 && itemsTotal(input.items) !== input.amount)
    return unmatchedItems(input.items, input.amount);
  if (input.special_reference && (await intentionBySpecialReference(ctx.db, input.special_reference)))
    return duplicateReference();

  const items = storedItems(input.items);
  const [intention] = await ctx.db
    .insert(emuIntentions)
    .values({
      id: `pi_test_${hex32()}`,
      clientSecret: `${clientSecretPrefix(region)}${hex32()}`,
      amountCents: input.amount,
      currency: input.currency.toUpperCase(),
      paymentMethods: methods,
      items,
      billingData: input.billing_data,
      extras: input.extras,
      cardTokens: input.card_tokens,
      specialReference: input.special_reference ?? null,
      notificationUrl: input.notification_url ?? null,
      redirectionUrl: input.redirection_url ?? null,
      createdText: paymobTimestamp(region),
      expiresAt: expiresIn(input.expiration),
    })
    .returning();
  if (!intention) throw new Error("emulator: intention insert returned nothing");
  const { id: intentionId, orderId, amountCents, currency, specialReference } = intention;
  logger.info(
    { scope: "paymob-emulator", intentionId, orderId, amountCents, currency, specialReference },
    "intention created",
  );
  return json(201, createResponse(intention));
}

const PUBLIC = { "access-control-allow-origin": "*" };

export async function getElement(ctx: EmuContext, publicKey: string, clientSecret: string): Promise<Response> {
  const intention = publicKeyOpens(publicKey, clientSecret)
    ? await intentionByClientSecret(ctx.db, clientSecret)
    : undefined;
  if (!intention) return json(404, { detail: "Not found.", msg: "Invalid public key or client secret." }, PUBLIC);
  const [cards, paid] = await Promise.all([
    savedCardsByTokens(ctx.db, intention.cardTokens as string[]),
    successfulPayment(ctx.db, intention.id),
  ]);
  return json(200, elementResponse(intention, cards, paid?.updatedText ?? null), PUBLIC);
}
