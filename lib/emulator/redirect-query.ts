import { EMULATOR_HMAC_SECRET } from "@/lib/paymob/emulator-credentials";
import { hmacValue, signRedirect } from "@/lib/paymob/hmac";
import type { TransactionObject } from "./transaction-object";

// The flat query Paymob appends to redirection_url (docs/paymob.md § "Browser redirect"): dotted keys, the order
// id as `order`, keys in the order of real 2025/2026 URLs, `hmac` last. URLSearchParams percent-encodes
// created_at's `+` and `:`.

type Obj = TransactionObject & { data: Record<string, unknown>; source_data: Record<string, unknown> };

const TOP_LEVEL_BEFORE_ORDER = [
  "id",
  "pending",
  "amount_cents",
  "success",
  "is_auth",
  "is_capture",
  "is_standalone_payment",
  "is_voided",
  "is_refunded",
  "is_3d_secure",
  "integration_id",
  "profile_id",
  "has_parent_transaction",
] as const;
const TOP_LEVEL_AFTER_ORDER = [
  "created_at",
  "currency",
  "merchant_commission",
  "accept_fees",
  "discount_details",
  "amount_cents_int",
  "is_void",
  "is_refund",
  "error_occured",
  "refunded_amount_cents",
  "refunded_amount_cents_int",
  "captured_amount",
  "captured_amount_int",
  "settlement_amount_cents_int",
  "accept_fees_cents_int",
  "vat_cents_int",
  "updated_at",
  "is_settled",
  "bill_balanced",
  "is_bill",
  "owner",
] as const;

const flat = (value: unknown) => (Array.isArray(value) ? JSON.stringify(value) : hmacValue(value));

/** The unsigned pairs, in order. */
export function redirectPairs(obj: TransactionObject): [string, string][] {
  const o = obj as Obj;
  const pairs: [string, string][] = [];
  for (const key of TOP_LEVEL_BEFORE_ORDER) pairs.push([key, flat(o[key])]);
  pairs.push(["order", flat(o.order.id)]);
  for (const key of TOP_LEVEL_AFTER_ORDER) pairs.push([key, flat(o[key])]);
  if (o.order.merchant_order_id) pairs.push(["merchant_order_id", o.order.merchant_order_id]);
  pairs.push(["data.message", flat(o.data.message)]);
  pairs.push(["source_data.type", flat(o.source_data.type)]);
  pairs.push(["source_data.pan", flat(o.source_data.pan)]);
  pairs.push(["source_data.sub_type", flat(o.source_data.sub_type)]);
  pairs.push(["acq_response_code", flat(o.data.acq_response_code)]);
  pairs.push(["txn_response_code", flat(o.data.txn_response_code)]);
  return pairs;
}

/** Signed query (with `hmac` last). */
function signedRedirectParams(obj: TransactionObject, secret = EMULATOR_HMAC_SECRET): URLSearchParams {
  const params = new URLSearchParams(redirectPairs(obj));
  params.append("hmac", signRedirect(secret, params));
  return params;
}

/** redirection_url plus the signed query; existing query parameters of the merchant's URL are kept. */
export function redirectLocation(target: string, obj: TransactionObject, secret = EMULATOR_HMAC_SECRET): string {
  const url = new URL(target);
  for (const [key, value] of signedRedirectParams(obj, secret)) url.searchParams.append(key, value);
  return url.toString();
}
