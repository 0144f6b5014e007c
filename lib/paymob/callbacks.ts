import "server-only";
import { z } from "zod";
import { verifyRedirect, verifyToken, verifyTransaction } from "./hmac";
import { reshapeToken, reshapeTransaction, type PaymobCardToken, type PaymobTransaction } from "./reshape";

// Paymob POSTs `{"type":"TRANSACTION"|"TOKEN","obj":{…}}` to notification_url with the HMAC in `?hmac=`
// (docs/paymob.md § "Callbacks"). The schemas are strict about the signed fields — their types decide how they
// are stringified for the HMAC (§ "HMAC") — and loose about everything else: Paymob keeps adding keys
// (`*_int`, `*_bigint`, `accept_fees`…), and a new key must never make us drop a real payment.

const int = z.number().int();
/** Signed strings that real payloads sometimes leave null (wallet / kiosk source data). */
const signedText = z.string().nullable();
/** Unsigned extras we read for processing: a drifted type turns into "absent", never into a rejection. */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().catch(undefined);

export const transactionObjectSchema = z.looseObject({
  // The 20 signed fields (hmac.ts TRANSACTION_HMAC_FIELDS).
  amount_cents: int,
  created_at: z.string(),
  currency: z.string(),
  error_occured: z.boolean(),
  has_parent_transaction: z.boolean(),
  id: int,
  integration_id: int,
  is_3d_secure: z.boolean(),
  is_auth: z.boolean(),
  is_capture: z.boolean(),
  is_refunded: z.boolean(),
  is_standalone_payment: z.boolean(),
  is_voided: z.boolean(),
  order: z.looseObject({
    id: int,
    // Our `special_reference`, echoed back; unsigned, so only ever a fallback for finding the attempt.
    merchant_order_id: optional(z.string()),
  }),
  owner: int,
  pending: z.boolean(),
  source_data: z.looseObject({ pan: signedText, sub_type: signedText, type: signedText }),
  success: z.boolean(),
  // Unsigned fields used by processing.
  parent_transaction: optional(int),
  refunded_amount_cents: optional(int),
  /** Unsigned markers on refund/void child transactions (docs/paymob.md § "Transaction object"). */
  is_void: optional(z.boolean()),
  is_refund: optional(z.boolean()),
  data: optional(
    z.looseObject({ message: optional(z.string()), txn_response_code: optional(z.union([z.string(), int])) }),
  ),
});
export type TransactionObject = z.infer<typeof transactionObjectSchema>;

const tokenObjectSchema = z.looseObject({
  // The 8 signed fields (hmac.ts TOKEN_HMAC_FIELDS). `order_id` is a string here, unlike everywhere else.
  card_subtype: z.string(),
  created_at: z.string(),
  email: z.string().nullable(),
  id: int,
  masked_pan: z.string(),
  merchant_id: int,
  order_id: z.string(),
  token: z.string(),
});
export type TokenObject = z.infer<typeof tokenObjectSchema>;

const transactionCallbackSchema = z.looseObject({ type: z.literal("TRANSACTION"), obj: transactionObjectSchema });
const tokenCallbackSchema = z.looseObject({ type: z.literal("TOKEN"), obj: tokenObjectSchema });
const callbackSchema = z.discriminatedUnion("type", [transactionCallbackSchema, tokenCallbackSchema]);

export type ParsedCallback = { kind: "TRANSACTION"; obj: TransactionObject } | { kind: "TOKEN"; obj: TokenObject };
type CallbackParseError = {
  reason: "invalid_json" | "invalid_payload";
  message: string;
  /** Best-effort identifiers from a body that failed validation, for the event log only. Never trusted. */
  hint: { type?: string; transactionId?: number; paymobOrderId?: number; merchantOrderId?: string };
};
export type CallbackParseResult = { ok: true; callback: ParsedCallback } | ({ ok: false } & CallbackParseError);

export function parseCallbackBody(raw: string): CallbackParseResult {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { ok: false, reason: "invalid_json", message: (error as Error).message, hint: {} };
  }
  const parsed = callbackSchema.safeParse(json);
  if (parsed.success) {
    const body = parsed.data;
    return {
      ok: true,
      callback: body.type === "TRANSACTION" ? { kind: "TRANSACTION", obj: body.obj } : { kind: "TOKEN", obj: body.obj },
    };
  }
  return { ok: false, reason: "invalid_payload", message: z.prettifyError(parsed.error), hint: hintFrom(json) };
}

const hintSchema = z.object({
  type: optional(z.string()),
  obj: optional(
    z.object({
      id: optional(int),
      order: optional(z.object({ id: optional(int), merchant_order_id: optional(z.string()) })),
    }),
  ),
});

function hintFrom(json: unknown): CallbackParseError["hint"] {
  const parsed = hintSchema.safeParse(json);
  if (!parsed.success) return {};
  const { type, obj } = parsed.data;
  return {
    type: type ?? undefined,
    transactionId: obj?.id ?? undefined,
    paymobOrderId: obj?.order?.id ?? undefined,
    merchantOrderId: obj?.order?.merchant_order_id ?? undefined,
  };
}

export type Verification = "valid" | "invalid" | "missing";

/** Checks the `?hmac=` of a parsed callback against the values it signs; constant-time (hmac.ts). */
export function verifyCallback(secret: string, parsed: ParsedCallback, hmac: string | null | undefined): Verification {
  if (!hmac) return "missing";
  const valid =
    parsed.kind === "TRANSACTION" ? verifyTransaction(secret, parsed.obj, hmac) : verifyToken(secret, parsed.obj, hmac);
  return valid ? "valid" : "invalid";
}

/** A callback as the app reads it (reshape.ts). */
type Callback = { kind: "TRANSACTION"; transaction: PaymobTransaction } | { kind: "TOKEN"; token: PaymobCardToken };
export type ReadCallbackResult =
  { ok: true; verification: Verification; callback: Callback } | ({ ok: false } & CallbackParseError);

/**
 * Parses a callback body, checks its `?hmac=` over the wire fields as received, then reshapes it. An unverified
 * callback is reshaped too (its ids are kept for diagnosis); only `verification: "valid"` may change an order.
 */
export function readCallback(raw: string, secret: string, hmac: string | null | undefined): ReadCallbackResult {
  const parsed = parseCallbackBody(raw);
  if (!parsed.ok) return parsed;
  const verification = verifyCallback(secret, parsed.callback, hmac);
  const { callback } = parsed;
  return {
    ok: true,
    verification,
    callback:
      callback.kind === "TRANSACTION"
        ? { kind: "TRANSACTION", transaction: reshapeTransaction(callback.obj) }
        : { kind: "TOKEN", token: reshapeToken(callback.obj) },
  };
}

/**
 * A transaction stored in an event's raw body, for a replay: callback events hold the `{type, obj}` envelope,
 * inquiry events the bare transaction object. Undefined when it is neither (or a TOKEN).
 */
export function readStoredTransaction(rawBody: string): PaymobTransaction | undefined {
  const parsed = parseCallbackBody(rawBody);
  if (parsed.ok) return parsed.callback.kind === "TRANSACTION" ? reshapeTransaction(parsed.callback.obj) : undefined;
  try {
    const bare = transactionObjectSchema.safeParse(JSON.parse(rawBody));
    return bare.success ? reshapeTransaction(bare.data) : undefined;
  } catch {
    return undefined;
  }
}

const flag = z.enum(["true", "false"]).transform((v) => v === "true");

/** The browser redirect (docs/paymob.md § "Browser redirect"): flat dotted keys, the order id as `order`, all strings. */
const redirectQuerySchema = z.looseObject({
  id: optional(z.coerce.number().int().positive()),
  success: optional(flag),
  pending: optional(flag),
  is_auth: optional(flag),
  order: optional(z.coerce.number().int().positive()),
  merchant_order_id: optional(z.string().min(1)),
});

export type RedirectResult = {
  verified: boolean;
  merchantOrderId?: string;
  transactionId?: number;
  success?: boolean;
  pending?: boolean;
  /** An authorisation only: approved, but nothing captured yet. */
  authorisation?: boolean;
};

/**
 * Reads the return-page query. Paymob's redirect is only UX: the order state comes from the server callback.
 * `merchantOrderId` is returned either way (it only names an order; the page must still check ownership);
 * the outcome fields only when the signature verifies, so nothing unverified can be shown as paid.
 */
export function parseRedirect(query: URLSearchParams, hmacSecret: string): RedirectResult {
  const fields = redirectQuerySchema.parse(Object.fromEntries(query));
  const merchantOrderId = fields.merchant_order_id ?? undefined;
  if (!verifyRedirect(hmacSecret, query)) return { verified: false, merchantOrderId };
  return {
    verified: true,
    merchantOrderId,
    transactionId: fields.id ?? undefined,
    success: fields.success ?? undefined,
    pending: fields.pending ?? undefined,
    authorisation: fields.is_auth ?? undefined,
  };
}
