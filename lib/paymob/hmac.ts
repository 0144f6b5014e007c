import { createHmac, timingSafeEqual } from "node:crypto";

// Paymob signs the *values* of a fixed list of fields, concatenated with no separator, with HMAC-SHA512
// keyed by the dashboard "HMAC secret" used as plain UTF-8 text; the result is lowercase hex.
// Field lists: developers.paymob.com "HMAC Transaction Callback" and "HMAC for card tokens" (docs/paymob.md § "HMAC").
// The list is the lexicographic order of the key names; note Paymob's own misspelling "error_occured".

/** TRANSACTION callback (POST body `obj`), as dotted paths into the object. */
export const TRANSACTION_HMAC_FIELDS = [
  "amount_cents",
  "created_at",
  "currency",
  "error_occured",
  "has_parent_transaction",
  "id",
  "integration_id",
  "is_3d_secure",
  "is_auth",
  "is_capture",
  "is_refunded",
  "is_standalone_payment",
  "is_voided",
  "order.id",
  "owner",
  "pending",
  "source_data.pan",
  "source_data.sub_type",
  "source_data.type",
  "success",
] as const;

/** Browser redirect (GET query): the same values, but flat keys, and the order id travels as `order`. */
export const REDIRECT_HMAC_FIELDS = TRANSACTION_HMAC_FIELDS.map((f) => (f === "order.id" ? "order" : f));

/** TOKEN callback (saved card) `obj`. */
export const TOKEN_HMAC_FIELDS = [
  "card_subtype",
  "created_at",
  "email",
  "id",
  "masked_pan",
  "merchant_id",
  "order_id",
  "token",
] as const;

/** Paymob's stringification: lowercase booleans, numbers as written, strings verbatim, missing as "". */
export function hmacValue(value: unknown): string {
  if (value === true) return "true";
  if (value === false) return "false";
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "string" || typeof value === "bigint") return String(value);
  return "";
}

function pick(source: unknown, dottedPath: string): unknown {
  let current: unknown = source;
  for (const key of dottedPath.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function transactionHmacMessage(obj: unknown): string {
  return TRANSACTION_HMAC_FIELDS.map((f) => hmacValue(pick(obj, f))).join("");
}

export function tokenHmacMessage(obj: unknown): string {
  return TOKEN_HMAC_FIELDS.map((f) => hmacValue(pick(obj, f))).join("");
}

/** `query` holds decoded values (URLSearchParams decodes `%2B` back to `+` in `created_at`). */
export function redirectHmacMessage(query: URLSearchParams): string {
  return REDIRECT_HMAC_FIELDS.map((f) => query.get(f) ?? "").join("");
}

export function hmacHex(secret: string, message: string): string {
  return createHmac("sha512", secret).update(message, "utf8").digest("hex");
}

const HEX_128 = /^[0-9a-f]{128}$/;

/**
 * Constant-time comparison of a received signature with the expected one; false for anything malformed.
 *
 * Paymob sends lowercase hex. An uppercase or space-padded `hmac` is accepted all the same (trimmed and
 * lowercased before the comparison), on purpose: hex letter case and surrounding whitespace carry no
 * information, the comparison is over the 64 decoded bytes, so no value is accepted that the secret did not
 * sign; refusing would only risk dropping a genuine callback that a proxy or a URL re-encoding (a `+` read
 * as a space) touched on the way. Whitespace inside the value, other characters and other lengths are refused.
 */
export function signaturesMatch(expectedHex: string, received: string | null | undefined): boolean {
  if (!received) return false;
  const candidate = received.trim().toLowerCase();
  if (!HEX_128.test(candidate) || !HEX_128.test(expectedHex)) return false;
  return timingSafeEqual(Buffer.from(expectedHex, "hex"), Buffer.from(candidate, "hex"));
}

export const signTransaction = (secret: string, obj: unknown) => hmacHex(secret, transactionHmacMessage(obj));
export const signToken = (secret: string, obj: unknown) => hmacHex(secret, tokenHmacMessage(obj));
export const signRedirect = (secret: string, query: URLSearchParams) => hmacHex(secret, redirectHmacMessage(query));

export const verifyTransaction = (secret: string, obj: unknown, hmac: string | null | undefined) =>
  signaturesMatch(signTransaction(secret, obj), hmac);
export const verifyToken = (secret: string, obj: unknown, hmac: string | null | undefined) =>
  signaturesMatch(signToken(secret, obj), hmac);
export const verifyRedirect = (secret: string, query: URLSearchParams) =>
  signaturesMatch(signRedirect(secret, query), query.get("hmac"));
