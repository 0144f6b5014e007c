import "server-only";
import { getDb, type Db } from "@/db/client";
import { readCallback } from "@/lib/paymob/callbacks";
import { wireName, type PaymobCardToken, type PaymobTransaction } from "@/lib/paymob/reshape";
import { cardOwner, saveCard } from "@/lib/saved-cards/queries";
import { applyTransaction, type ApplyOutcome } from "./apply-transaction";
import { insertRejectedEvent } from "./hot-path-writes";
import { logPaymentLine } from "./log";
import { insertTokenEvent } from "./event-queries";
import { storableText } from "./storable";
import { bodyExcerpt, signatureExcerpt, wholeBody } from "./unverified-body";
import { admitUnverifiedCallback, type CallbackSender } from "./unverified-limits";

/** Paymob's callbacks are ~5–10 KB; anything far larger is not Paymob. */
export const MAX_CALLBACK_BYTES = 64 * 1024;

type CallbackOutcome =
  | ApplyOutcome
  | "token_stored"
  | "rejected_signature"
  | "malformed"
  | "too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "error";
export type CallbackResult = {
  status: 200 | 400 | 401 | 413 | 415 | 429 | 503;
  body: { ok: boolean; outcome: CallbackOutcome };
  /** With 429: when the sender may try again (the Retry-After header). */
  retryAfterSeconds?: number;
};

export type CallbackInput = {
  rawBody: string;
  /** The `hmac` query parameter (Paymob never sends it in the body or a header for these callbacks). */
  hmac: string | null;
  hmacSecret: string;
  /** Defaults to the app's shared connection. */
  db?: Db;
  /**
   * Who sent it. The route always says; then unverified callbacks are rate-limited per sender and in total
   * (lib/payments/unverified-limits.ts) and answered 429, unstored, past the limit.
   */
  sender?: CallbackSender;
};

/**
 * Handles one POST to the notification URL, independent of any framework. Every verified callback is stored
 * whole in payment_events; an unverified one (bad or missing signature, malformed) as an excerpt, and only
 * while its sender is under the rate limit; oversized bodies never. Only a verified TRANSACTION can change an
 * order. Answers 2xx only once the outcome is committed, and 503 on any storage failure so Paymob retries —
 * everything for one callback happens in one DB transaction, so a retry starts from a clean slate.
 */
export async function processCallback({
  rawBody,
  hmac,
  hmacSecret,
  db,
  sender,
}: CallbackInput): Promise<CallbackResult> {
  if (Buffer.byteLength(rawBody, "utf8") > MAX_CALLBACK_BYTES) return rejectTooLarge();
  let transactionId: number | undefined;
  try {
    const conn = db ?? (await getDb());
    // Verified over the wire fields as received, then reshaped (lib/paymob/callbacks.ts).
    const parsed = readCallback(rawBody, hmacSecret, hmac);
    if (!parsed.ok) {
      const { hint } = parsed;
      const limited = await refuseOverLimit(conn, sender);
      if (limited) return limited;
      await storeRejected(conn, rawBody, hmac, {
        kind: "UNKNOWN", // only a body that validates gets a kind; the claimed type goes into the detail
        outcome: "malformed",
        detail: `${hint.type ? `type ${hint.type}: ` : ""}${parsed.reason}: ${parsed.message}`.slice(0, 2000),
        transactionId: hint.transactionId,
        paymobOrderId: hint.paymobOrderId,
        merchantOrderId: hint.merchantOrderId,
      });
      logPaymentLine("callback", { outcome: "malformed", transactionId: hint.transactionId }, parsed.reason);
      return reply(400, "malformed");
    }

    const { callback, verification } = parsed;
    const transaction = callback.kind === "TRANSACTION" ? callback.transaction : undefined;
    const token = callback.kind === "TOKEN" ? callback.token : undefined;
    transactionId = transaction?.id ?? token?.id;
    if (verification !== "valid") {
      // Kept for diagnosis (a wrong HMAC secret shows up here), but linked to no order: anyone can POST.
      const limited = await refuseOverLimit(conn, sender);
      if (limited) return limited;
      await storeRejected(conn, rawBody, hmac, {
        kind: callback.kind,
        verification,
        outcome: "rejected_signature",
        detail: `signature ${verification}`,
        transactionId,
        paymobOrderId: transaction?.paymobOrderId ?? token?.paymobOrderId,
        merchantOrderId: transaction?.merchantOrderId,
      });
      logPaymentLine("callback", { outcome: "rejected_signature", transactionId }, `signature=${verification}`);
      return reply(401, "rejected_signature");
    }

    if (token) {
      const { outcome, kept } = await storeToken(conn, rawBody, hmac, token);
      logPaymentLine(
        "callback",
        { outcome, transactionId: undefined },
        `token=${token.id} paymob_order=${token.paymobOrderId ?? "?"} card ${kept}`,
      );
      return reply(200, outcome);
    }
    if (!transaction) throw new Error("a verified callback is either a TRANSACTION or a TOKEN");

    const unstorable = unstorableAmount(transaction);
    if (unstorable) {
      // Authentic but impossible for our orders (amounts are int4 minor units): retrying cannot help, so it is
      // kept for an operator and refused, instead of failing the insert with a 503 on every retry.
      await storeRejected(conn, rawBody, hmac, {
        kind: "UNKNOWN",
        verification: "valid",
        outcome: "malformed",
        detail: `signed TRANSACTION with ${unstorable}`,
        transactionId: transaction.id,
        paymobOrderId: transaction.paymobOrderId,
      });
      logPaymentLine("callback", { outcome: "malformed", transactionId: transaction.id }, unstorable);
      return reply(400, "malformed");
    }

    const result = await applyTransaction(conn, transaction, { source: "callback", rawBody, signature: hmac });
    return reply(200, result.outcome);
  } catch (error) {
    // Drizzle wraps driver errors ("Failed query: …"); the cause says what actually went wrong.
    const cause = (error as Error).cause instanceof Error ? `${((error as Error).cause as Error).message} — ` : "";
    logPaymentLine("callback", { outcome: "error", transactionId }, `${cause}${(error as Error).message}`);
    return reply(503, "error");
  }
}

/** Oversized bodies are refused unread and unstored: storing them would let anyone fill the events table. */
export function rejectTooLarge(): CallbackResult {
  logPaymentLine("callback", { outcome: "too_large" }, `bytes>${MAX_CALLBACK_BYTES}`);
  return reply(413, "too_large");
}

/** Paymob posts JSON; any other Content-Type is refused unread and unstored, like an oversized body. */
export function rejectUnsupportedMediaType(contentType: string | null): CallbackResult {
  logPaymentLine(
    "callback",
    { outcome: "unsupported_media_type" },
    `content-type=${JSON.stringify((contentType ?? "none").slice(0, 100))}`,
  );
  return reply(415, "unsupported_media_type");
}

function reply(status: CallbackResult["status"], outcome: CallbackOutcome): CallbackResult {
  return { status, body: { ok: status === 200, outcome } };
}

/** A 429 when this unverified callback's sender is over its limit (nothing stored but the counter); else null. */
async function refuseOverLimit(db: Db, sender: CallbackSender | undefined): Promise<CallbackResult | null> {
  if (!sender) return null;
  const verdict = await admitUnverifiedCallback(db, sender);
  if (verdict.ok) return null;
  // The limiter logs the first refusal of each window; one line per refused request would be a flood too.
  return { ...reply(429, "rate_limited"), retryAfterSeconds: verdict.retryAfterSeconds };
}

const INT4 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/** Names an amount that the integer columns cannot hold, if any (by the name Paymob sent it under). */
function unstorableAmount(obj: PaymobTransaction): string | undefined {
  for (const field of ["amountMinor", "refundedMinor"] as const) {
    const value = obj[field];
    if (typeof value === "number" && (value < INT4.min || value > INT4.max))
      return `${wireName[field]} ${value} out of range`;
  }
  return undefined;
}

type Rejected = {
  kind: "TRANSACTION" | "TOKEN" | "UNKNOWN";
  verification?: "valid" | "invalid" | "missing";
  outcome: "malformed" | "rejected_signature";
  detail: string;
  transactionId?: number;
  paymobOrderId?: number;
  /** Unsigned, and from an unverified body most of the time: only ever a lead for an operator. */
  merchantOrderId?: string;
};

/** More than any special_reference of ours; a longer claimed one is cut. */
const MAX_MERCHANT_ORDER_ID = 128;

async function storeRejected(db: Db, rawBody: string, hmac: string | null, r: Rejected): Promise<void> {
  // A body we cannot read cannot be verified either.
  const verification = r.verification ?? (hmac ? "invalid" : "missing");
  const verified = verification === "valid";
  // Authentic but refused bodies are Paymob's own words and stay whole; anything unverified is an excerpt.
  const body = verified ? wholeBody(rawBody) : bodyExcerpt(rawBody);
  await insertRejectedEvent(db, {
    kind: r.kind,
    verification,
    rawBody: body.text,
    bodySha256: body.sha256,
    bodyBytes: body.bytes,
    bodyTruncated: body.truncated,
    signature: verified ? storableText(hmac) : signatureExcerpt(hmac),
    transactionId: r.transactionId ?? null,
    paymobOrderId: r.paymobOrderId ?? null,
    merchantOrderId:
      r.merchantOrderId === undefined ? null : storableText(r.merchantOrderId.slice(0, MAX_MERCHANT_ORDER_ID)),
    outcome: r.outcome,
    detail: storableText(r.detail),
  });
}

/**
 * A saved-card token: stored and linked to the order when its Paymob order id is one of ours, and kept as the
 * account's saved card when lib/saved-cards says whose it is (never a guest's). One DB transaction, so a retry
 * after a failure starts clean; a repeated TOKEN adds an event but no second card (unique token).
 */
async function storeToken(
  db: Db,
  rawBody: string,
  hmac: string | null,
  obj: PaymobCardToken,
): Promise<{ outcome: "token_stored" | "unknown_order"; kept: string }> {
  return db.transaction(async (tx) => {
    const owner = await cardOwner(tx, obj);
    const saved = owner.ok ? await saveCard(tx, owner.userId, obj) : false;
    const kept = owner.ok ? (saved ? "saved to the account" : "already saved") : `not saved: ${owner.refusal}`;
    const outcome = await insertTokenEvent(tx, {
      rawBody: storableText(rawBody),
      signature: storableText(hmac),
      paymobOrderId: obj.paymobOrderId ?? null,
      detail: storableText(`card token ${obj.id} (${obj.cardSubtype} ${obj.maskedPan}), ${kept}`),
    });
    return { outcome, kept };
  });
}
