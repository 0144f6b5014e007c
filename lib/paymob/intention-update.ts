import "server-only";
import { z } from "zod";
import type { PaymobConfig } from "./config";
import { PaymobInvalidInputError, PaymobUnexpectedResponseError } from "./errors";
import { paymobRequest, parsePaymobResponse, type FetchImpl } from "./http";
import {
  amountSchema,
  billingSchema,
  itemsSchema,
  required,
  wireBilling,
  wireLines,
  type BillingData,
  type IntentionItem,
} from "./intention";

// Changing an intention after it was created (intention.ts creates it), with the same line and billing rules.

export type UpdateIntentionInput = {
  clientSecret: string;
  /** The intention's `intention_order_id`; Paymob requires it as `accept_order_id`. */
  intentionOrderId: number;
  /** A new total goes with its lines (and lines with their total): Paymob checks that they add up. */
  amountMinor?: number;
  items?: IntentionItem[];
  billing?: BillingData;
  specialReference?: string;
  notificationUrl?: string;
  redirectionUrl?: string;
  /** Seconds from now; Paymob's maximum is 3,110,400 (36 days). */
  expirationSeconds?: number;
};

const updateSchema = z
  .object({
    clientSecret: required("client secret").regex(/^[A-Za-z0-9_]+$/, "must be a client secret"),
    intentionOrderId: z.number().int().positive(),
    amountMinor: amountSchema.optional(),
    items: itemsSchema.optional(),
    billing: billingSchema.optional(),
    specialReference: required("special reference").optional(),
    notificationUrl: z.url({ protocol: /^https?$/ }).optional(),
    redirectionUrl: z.url({ protocol: /^https?$/ }).optional(),
    expirationSeconds: z.number().int().min(1).max(3_110_400).optional(),
  })
  .refine((v) => (v.amountMinor === undefined) === (v.items === undefined), {
    message: "amountMinor and items change together",
  });

const updateResponseSchema = z.looseObject({
  intention_detail: z.looseObject({ amount: z.number(), currency: z.string() }).optional(),
});

/**
 * PUT {base}/v1/intention/{client_secret} (Postman "Update intention"): changes an unpaid intention, e.g. its
 * amount after the cart changed; Pixel then re-reads it with `Pixel.updateIntentionData()`. Paymob documents no
 * answer body; when it echoes `intention_detail`, a total other than the one asked for is refused, as on create.
 */
export async function updateIntention(
  config: PaymobConfig,
  input: UpdateIntentionInput,
  fetchImpl?: FetchImpl,
): Promise<{ raw: unknown }> {
  const parsed = updateSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
    throw new PaymobInvalidInputError(`Refusing to update a Paymob intention: ${problems}`);
  }
  const v = parsed.data;
  const body = {
    accept_order_id: v.intentionOrderId,
    ...(v.amountMinor !== undefined && v.items
      ? { amount: v.amountMinor, items: wireLines(v.items, v.amountMinor, config.currency, "update") }
      : {}),
    ...(v.billing ? { billing_data: wireBilling(v.billing) } : {}),
    ...(v.specialReference ? { special_reference: v.specialReference } : {}),
    ...(v.notificationUrl ? { notification_url: v.notificationUrl } : {}),
    ...(v.redirectionUrl ? { redirection_url: v.redirectionUrl } : {}),
    ...(v.expirationSeconds ? { expiration: v.expirationSeconds } : {}),
  };
  const operation = `update intention of order ${v.intentionOrderId}`;
  const json = await paymobRequest(
    config.baseUrl,
    {
      operation,
      method: "PUT",
      path: `/v1/intention/${encodeURIComponent(v.clientSecret)}`,
      auth: { scheme: "Token", credential: config.secretKey },
      body,
    },
    fetchImpl,
  );
  const detail = parsePaymobResponse(updateResponseSchema, json, operation).intention_detail;
  if (detail && "amount" in body && (detail.amount !== body.amount || detail.currency !== config.currency)) {
    throw new PaymobUnexpectedResponseError(
      `Paymob updated the intention of order ${v.intentionOrderId} to ${detail.amount} ${detail.currency}, but asked for ${body.amount} ${config.currency}`,
      200,
    );
  }
  return { raw: json };
}
