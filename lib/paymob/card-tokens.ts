import "server-only";

import { z } from "zod";

import type { PaymobConfig } from "./config";
import { PaymobInvalidInputError } from "./errors";
import { paymobRequest, parsePaymobResponse, type FetchImpl } from "./http";
import { reshapeToken, type PaymobCardToken } from "./reshape";
import { getAuthToken } from "./transactions";

// Saved cards, server to server (docs/paymob.md § "Saved cards"): the tokens saved on one Paymob order, and a
// payment with a saved card (MOTO, or with the CVV the customer typed). The store itself pays with saved cards
// only through Unified Checkout and Pixel (the intention's `card_tokens`); these are for merchants who charge a
// customer's card without them, and for checking what Paymob holds.

const tokenObjectSchema = z.looseObject({
  id: z.number().int(),
  token: z.string().min(1),
  masked_pan: z.string(),
  merchant_id: z.number().int(),
  card_subtype: z.string(),
  created_at: z.string(),
  email: z.string().nullable(),
  // A string in TOKEN callbacks; accepted as a number too, since this answer's shape is documented nowhere else.
  order_id: z.union([z.string(), z.number().int()]).transform(String),
});

const orderCardTokensSchema = z.array(z.looseObject({ type: z.literal("TOKEN"), obj: tokenObjectSchema }));

/**
 * POST {base}/api/acceptance/order_card_tokens {auth_token, order_id} — the cards saved on a Paymob order, as
 * `[{"type":"TOKEN","obj":{…}}]` (Postman "Transaction Inquiry API"). The auth token travels in the body.
 */
export async function orderCardTokens(
  config: PaymobConfig,
  paymobOrderId: number,
  fetchImpl?: FetchImpl,
): Promise<PaymobCardToken[]> {
  if (!Number.isSafeInteger(paymobOrderId) || paymobOrderId <= 0)
    throw new PaymobInvalidInputError(
      `Refusing to list card tokens: order id ${paymobOrderId} is not a Paymob order id`,
    );
  const operation = `card tokens of order ${paymobOrderId}`;
  const json = await paymobRequest(
    config.baseUrl,
    {
      operation,
      method: "POST",
      path: "/api/acceptance/order_card_tokens",
      auth: null,
      body: { auth_token: await getAuthToken(config, fetchImpl), order_id: paymobOrderId },
      hints: { notFound: "no Paymob order with that id in this account and mode" },
    },
    fetchImpl,
  );
  return parsePaymobResponse(orderCardTokensSchema, json, operation).map((t) => reshapeToken(t.obj));
}

export type SavedCardPayment = {
  /** A payment key of the intention (`payment_keys[].key`): a MOTO integration's for a merchant-initiated charge. */
  paymentKey: string;
  /** The saved card's token. */
  token: string;
  /** The security code the customer typed; none for MOTO unless the integration asks for it (`use_cvc_with_moto`). */
  cvv?: string;
};

export type SavedCardPaymentResult = {
  transactionId: number;
  success: boolean;
  pending: boolean;
  message?: string;
  /** Where a customer would go next (3-D Secure, or the merchant's redirection URL with the signed result). */
  redirectionUrl?: string;
};

const flag = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);
const payAnswerSchema = z.looseObject({
  id: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]),
  success: flag,
  pending: flag,
  // The Pay API answers flat, dotted keys ("data.message"); a transaction object nests them. Either is read.
  "data.message": z.string().optional(),
  data: z.looseObject({ message: z.string().optional() }).optional().catch(undefined),
  redirection_url: z.string().optional(),
});

/**
 * POST {base}/api/acceptance/payments/pay with `source.subtype: "TOKEN"` (Postman "Pay with saved card",
 * Moto_Card_Pay). The answer says how it went; as for every payment, only the signed callback settles an order.
 */
export async function payWithSavedCard(
  config: PaymobConfig,
  input: SavedCardPayment,
  fetchImpl?: FetchImpl,
): Promise<SavedCardPaymentResult> {
  const parsed = z
    .object({
      paymentKey: z.string().min(1),
      token: z.string().min(1),
      cvv: z
        .string()
        .regex(/^\d{3,4}$/)
        .optional(),
    })
    .safeParse(input);
  if (!parsed.success)
    throw new PaymobInvalidInputError("Refusing to pay with a saved card: token, payment key or CVV is malformed");
  const { paymentKey, token, cvv } = parsed.data;
  const operation = "pay with a saved card";
  const json = await paymobRequest(
    config.baseUrl,
    {
      operation,
      method: "POST",
      path: "/api/acceptance/payments/pay",
      auth: null,
      body: {
        source: { identifier: token, subtype: "TOKEN", ...(cvv ? { cvn: cvv } : {}) },
        payment_token: paymentKey,
      },
    },
    fetchImpl,
  );
  const answer = parsePaymobResponse(payAnswerSchema, json, operation);
  return {
    transactionId: answer.id,
    success: answer.success,
    pending: answer.pending,
    message: answer["data.message"] ?? answer.data?.message,
    redirectionUrl: answer.redirection_url,
  };
}
