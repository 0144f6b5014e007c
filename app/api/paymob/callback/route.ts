import {
  isJsonContentType,
  MAX_CALLBACK_BYTES,
  processCallback,
  readBodyWithin,
  rejectTooLarge,
  rejectUnsupportedMediaType,
  type CallbackResult,
} from "@/lib/payments";
import { paymobConfig } from "@/lib/paymob/config";
import { logger } from "@/lib/logger";
import { clientAddress } from "@/lib/rate-limit/client-address";

/**
 * Paymob's server-to-server notification URL (TRANSACTION and TOKEN callbacks). The signature travels in the
 * query string (`?hmac=`), never in the body or a header (docs/paymob.md § "Callbacks").
 */
export async function POST(request: Request): Promise<Response> {
  // Checked before the body is read, let alone stored: a form post or text/plain is not from Paymob.
  const contentType = request.headers.get("content-type");
  if (!isJsonContentType(contentType)) return respond(rejectUnsupportedMediaType(contentType));
  const rawBody = await readBodyWithin(request, MAX_CALLBACK_BYTES);
  if (rawBody === null) return respond(rejectTooLarge());
  let hmacSecret: string;
  try {
    hmacSecret = paymobConfig().hmacSecret;
  } catch (error) {
    // A misconfigured deployment: answer 503 so Paymob retries once the named variable is fixed.
    logger.error({ scope: "paymob-callback", outcome: "error", err: error }, "configuration incomplete: answering 503");
    return respond({ status: 503, body: { ok: false, outcome: "error" } });
  }
  const hmac = new URL(request.url).searchParams.get("hmac");
  // The sender's address bounds how many unverified callbacks it may have stored (Paymob's verified ones: no limit).
  return respond(
    await processCallback({ rawBody, hmac, hmacSecret, sender: { client: clientAddress(request.headers) } }),
  );
}

function respond(result: CallbackResult): Response {
  const headers = result.retryAfterSeconds ? { "Retry-After": String(result.retryAfterSeconds) } : undefined;
  return Response.json(result.body, { status: result.status, headers });
}

function methodNotAllowed(): Response {
  return Response.json({ ok: false, error: "method_not_allowed" }, { status: 405, headers: { Allow: "POST" } });
}

export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
