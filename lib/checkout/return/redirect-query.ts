import "server-only";
import type { AttemptLookup } from "@/lib/orders/queries";
import type { TimelineNote } from "@/lib/orders/timeline";
import { parseRedirect } from "@/lib/paymob/callbacks";

/** Next's searchParams back into the exact query Paymob sent (its HMAC is over these values). */
export function searchParamsToQuery(params: Record<string, string | string[] | undefined>): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, v);
  }
  return query;
}

/** Paymob's redirect names our attempt by merchant_order_id (= special_reference), and its own order as `order`. */
export function redirectLookup(query: URLSearchParams): AttemptLookup | undefined {
  const reference = query.get("merchant_order_id");
  if (reference && reference.length <= 100) return { specialReference: reference };
  const order = query.get("order");
  if (order && /^\d{1,15}$/.test(order)) return { paymobOrderId: Number(order) };
  return undefined;
}

/**
 * What the browser redirect claimed, for the timeline only: the order status never comes from here (anyone can
 * type a URL), but a verified signature is worth showing when demoing the integration.
 */
export function redirectNote(query: URLSearchParams, hmacSecret: string): TimelineNote | undefined {
  if (!query.has("hmac")) return undefined;
  const result = parseRedirect(query, hmacSecret);
  if (!result.verified) return { verified: false, tone: "danger" };
  const said = result.pending
    ? "pending"
    : result.success
      ? result.authorisation
        ? "authorised"
        : "approved"
      : "declined";
  return { verified: true, said, transactionId: result.transactionId, tone: "neutral" };
}
