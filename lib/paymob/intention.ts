import "server-only";

import { z } from "zod";

import { lineTotal, sumMinor } from "@/lib/money";

import type { PaymobConfig } from "./config";
import { PaymobInvalidInputError, PaymobUnexpectedResponseError, PaymobUnmatchedItemsError } from "./errors";
import { paymobRequest, parsePaymobResponse, type FetchImpl } from "./http";

export type BillingData = {
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber: string;
  street?: string;
  building?: string;
  floor?: string;
  apartment?: string;
  city?: string;
  state?: string;
  country?: string;
  postalCode?: string;
};

export type IntentionItem = {
  name: string;
  /** Unit price in minor units; the line total sent to Paymob is amountMinor × quantity. */
  amountMinor: number;
  quantity: number;
  description?: string;
};

export type CreateIntentionInput = {
  /** Total to charge in minor units (piastres, halalas, fils, baisa); must equal the sum of the line totals. */
  amountMinor: number;
  currency: string;
  /** Every order line, including shipping or fees, so the lines add up to amountMinor. */
  items: IntentionItem[];
  billing: BillingData;
  /** Our order reference; Paymob echoes it as merchant_order_id. Unique per payment attempt. */
  specialReference: string;
  notificationUrl: string;
  redirectionUrl: string;
  extras?: Record<string, unknown>;
  /**
   * The customer's saved-card tokens (TOKEN callbacks): Unified Checkout and Pixel list them and ask only for
   * the CVV (docs/paymob.md § "Saved cards"). Only ever the signed-in owner's own cards.
   */
  cardTokens?: string[];
};

export type Intention = { id: string; clientSecret: string; intentionOrderId: number; status: string; raw: unknown };

// Paymob limits (Postman "Create intention"): item name ≤ 50, description ≤ 255, first/last name ≤ 50.
const NAME_MAX = 50;
const DESCRIPTION_MAX = 255;
// Blank optional billing fields are rejected with "This field may not be blank."; "NA" is the usual filler.
const BILLING_FILLER = "NA";

export const required = (label: string) => z.string().trim().min(1, `${label} is required`);
const minor = z.number().int().nonnegative();

export const amountSchema = z.number().int("must be an integer count of minor units").positive("must be positive");
export const itemsSchema = z
  .array(
    z.object({
      name: required("item name"),
      amountMinor: minor,
      quantity: z.number().int().positive(),
      description: z.string().optional(),
    }),
  )
  .min(1, "at least one line is needed");
export const billingSchema = z.object({
  firstName: required("first name"),
  lastName: required("last name"),
  email: z.email("must be an email address"),
  phoneNumber: required("phone number"),
  street: z.string().optional(),
  building: z.string().optional(),
  floor: z.string().optional(),
  apartment: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  country: z.string().optional(),
  postalCode: z.string().optional(),
});

const inputSchema = z.object({
  amountMinor: amountSchema,
  currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code like EGP"),
  items: itemsSchema,
  billing: billingSchema,
  specialReference: required("special reference"),
  notificationUrl: z.url({ protocol: /^https?$/ }),
  redirectionUrl: z.url({ protocol: /^https?$/ }),
  extras: z.record(z.string(), z.unknown()).optional(),
  cardTokens: z.array(z.string().min(1)).optional(),
});

/**
 * The exact JSON body for POST /v1/intention/. Refuses (PaymobInvalidInputError / PaymobUnmatchedItemsError,
 * nothing sent) input Paymob would reject or that would charge something other than the order total.
 */
export function buildIntentionRequest(config: PaymobConfig, input: CreateIntentionInput) {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new PaymobInvalidInputError(`Refusing to create a Paymob intention: ${problems}`);
  }
  const { amountMinor, currency, items, billing } = parsed.data;
  if (currency !== config.currency) {
    throw new PaymobInvalidInputError(
      `Refusing to create a Paymob intention in ${currency}: the configured Paymob region (${config.region}) charges in ${config.currency}.`,
    );
  }

  return {
    amount: amountMinor,
    currency,
    payment_methods: config.paymentMethods,
    items: wireLines(items, amountMinor, currency, "create"),
    billing_data: wireBilling(billing),
    special_reference: parsed.data.specialReference,
    notification_url: parsed.data.notificationUrl,
    redirection_url: parsed.data.redirectionUrl,
    ...(parsed.data.extras ? { extras: parsed.data.extras } : {}),
    ...(parsed.data.cardTokens?.length ? { card_tokens: parsed.data.cardTokens } : {}),
  };
}

const intentionResponseSchema = z.looseObject({
  id: z.string().startsWith("pi_"),
  client_secret: z.string().min(1),
  intention_order_id: z.number().int(),
  payment_keys: z.array(z.unknown()),
  status: z.string(),
  intention_detail: z.looseObject({ amount: z.number(), currency: z.string() }).optional(),
});

/** POST {base}/v1/intention/ — starts a payment and returns the client secret for Unified Checkout / Pixel. */
export async function createIntention(
  config: PaymobConfig,
  input: CreateIntentionInput,
  fetchImpl?: FetchImpl,
): Promise<Intention> {
  const body = buildIntentionRequest(config, input);
  const operation = `create intention for ${body.special_reference}`;
  const json = await paymobRequest(
    config.baseUrl,
    {
      operation,
      method: "POST",
      path: "/v1/intention/",
      auth: { scheme: "Token", credential: config.secretKey },
      body,
      hints: {
        notFound: `Integration ID/Name does not exist — test/live mismatch? PAYMOB_PAYMENT_METHODS (${config.paymentMethods.join(",")}) must be ${config.mode === "live" ? "live" : "test"} integrations of this account to match the ${config.mode} secret key`,
      },
    },
    fetchImpl,
  );
  const response = parsePaymobResponse(intentionResponseSchema, json, operation, 201);

  // Paymob echoes what it will charge; if that differs from what we asked for, do not send the customer there.
  const detail = response.intention_detail;
  if (detail && (detail.amount !== body.amount || detail.currency !== body.currency)) {
    throw new PaymobUnexpectedResponseError(
      `Paymob created intention ${response.id} for ${detail.amount} ${detail.currency}, but ${operation} asked for ${body.amount} ${body.currency}`,
      201,
    );
  }
  return {
    id: response.id,
    clientSecret: response.client_secret,
    intentionOrderId: response.intention_order_id,
    status: response.status,
    raw: json,
  };
}

/**
 * Each order line goes out as its line total with quantity 1: Paymob's docs disagree on whether quantity
 * multiplies the item amount (docs/paymob.md § "Create an intention"); with quantity 1 both readings agree.
 * Refuses lines that do not add up to the amount, which Paymob would answer with 406.
 */
export function wireLines(items: IntentionItem[], amountMinor: number, currency: string, verb: "create" | "update") {
  let lines: { name: string; amount: number; description: string; quantity: 1 }[];
  let total: number;
  try {
    lines = items.map((item) => ({
      name: clip(item.name.trim(), NAME_MAX),
      amount: lineTotal(item.amountMinor, item.quantity),
      description: clip(item.description?.trim() || `Quantity: ${item.quantity}`, DESCRIPTION_MAX),
      quantity: 1,
    }));
    total = sumMinor(lines.map((line) => line.amount));
  } catch (error) {
    throw new PaymobInvalidInputError(
      `Refusing to ${verb} a Paymob intention: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (total !== amountMinor) {
    throw new PaymobUnmatchedItemsError(
      `Refusing to ${verb} a Paymob intention: the lines add up to ${total} but the amount is ${amountMinor} (${currency} minor units). Include shipping and fees as lines.`,
      null,
    );
  }
  return lines;
}

export function wireBilling(billing: z.output<typeof billingSchema>) {
  return {
    first_name: clip(billing.firstName.trim(), NAME_MAX),
    last_name: clip(billing.lastName.trim(), NAME_MAX),
    email: billing.email,
    phone_number: billing.phoneNumber.trim(),
    apartment: filled(billing.apartment),
    floor: filled(billing.floor),
    street: filled(billing.street),
    building: filled(billing.building),
    city: filled(billing.city),
    state: filled(billing.state),
    country: filled(billing.country),
    postal_code: filled(billing.postalCode),
  };
}

/** Shortens to `max` characters (code points, so an emoji is never split), marking the cut with "…". */
function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

function filled(value: string | undefined): string {
  return value?.trim() || BILLING_FILLER;
}
