import "server-only";

import { z } from "zod";

import { transactionObjectSchema, type TransactionObject } from "./callbacks";
import type { PaymobConfig } from "./config";
import { PaymobAuthError, PaymobConfigError, PaymobInvalidInputError } from "./errors";
import { paymobRequest, parsePaymobResponse, type FetchImpl } from "./http";
import { reshapeTransaction, type PaymobTransaction } from "./reshape";

// Refund, void and capture use the secret key (`Authorization: Token …`); inquiry uses the legacy auth-token flow:
// POST /api/auth/tokens {api_key} → {token}, valid 60 minutes, sent as `Authorization: Bearer …`
// (Paymob Postman collections "Refund & Void & Capture APIs" and "Transaction Inquiry API").

export type RefundInput = { transactionId: number; amountCents: number };
export type VoidInput = { transactionId: number };
export type CaptureInput = { transactionId: number; amountCents: number };
/** `orderId` is Paymob's order id (= intention_order_id); `merchantOrderId` is our special_reference. */
export type InquiryInput = { merchantOrderId: string } | { orderId: number | string };
/**
 * The inquiry's transaction, and its wire object as JSON text: what the inquiry's payment event stores, so that
 * a replay reads it back as the transaction Paymob reported.
 */
export type InquiryAnswer = { transaction: PaymobTransaction; body: string };

const transactionId = z.number().int().positive();

/** POST /api/acceptance/void_refund/refund — refunds `amountCents` (≤ the paid amount) of a settled payment. */
export async function refundTransaction(
  config: PaymobConfig,
  input: RefundInput,
  fetchImpl?: FetchImpl,
): Promise<PaymobTransaction> {
  const parsed = z.object({ transactionId, amountCents: z.number().int().positive() }).safeParse(input);
  if (!parsed.success) throw invalid("refund", parsed.error);
  const { transactionId: id, amountCents } = parsed.data;
  return secretKeyCall(
    config,
    id,
    `refund ${amountCents} of transaction ${id}`,
    "/api/acceptance/void_refund/refund",
    { transaction_id: id, amount_cents: amountCents },
    fetchImpl,
  );
}

/** POST /api/acceptance/void_refund/void — cancels a payment made the same business day, without fees. */
export async function voidTransaction(
  config: PaymobConfig,
  input: VoidInput,
  fetchImpl?: FetchImpl,
): Promise<PaymobTransaction> {
  const parsed = z.object({ transactionId }).safeParse(input);
  if (!parsed.success) throw invalid("void", parsed.error);
  const id = parsed.data.transactionId;
  return secretKeyCall(
    config,
    id,
    `void transaction ${id}`,
    "/api/acceptance/void_refund/void",
    { transaction_id: id },
    fetchImpl,
  );
}

/**
 * POST /api/acceptance/capture — takes `amountCents` (≤ the authorised amount) of an authorisation (a transaction
 * with is_auth=true). Paymob answers with the capture, a new child transaction of the authorisation
 * (has_parent_transaction, is_capture), and also POSTs it to the notification URL: that verified callback, not
 * this answer, is what marks the order paid.
 */
export async function captureTransaction(
  config: PaymobConfig,
  input: CaptureInput,
  fetchImpl?: FetchImpl,
): Promise<PaymobTransaction> {
  const parsed = z.object({ transactionId, amountCents: z.number().int().positive() }).safeParse(input);
  if (!parsed.success) throw invalid("capture", parsed.error);
  const { transactionId: id, amountCents } = parsed.data;
  return secretKeyCall(
    config,
    id,
    `capture ${amountCents} of authorisation ${id}`,
    "/api/acceptance/capture",
    { transaction_id: id, amount_cents: amountCents },
    fetchImpl,
  );
}

/**
 * POST /api/ecommerce/orders/transaction_inquiry — the most recent transaction of a Paymob order, looked up
 * by Paymob's order id or by our special_reference. A PaymobNotFoundError means no such order/transaction.
 */
export async function inquireTransaction(
  config: PaymobConfig,
  input: InquiryInput,
  fetchImpl?: FetchImpl,
): Promise<InquiryAnswer> {
  const parsed = z
    .union([
      z.object({ merchantOrderId: z.string().trim().min(1) }),
      z.object({ orderId: z.union([z.number().int().positive(), z.string().regex(/^\d+$/)]) }),
    ])
    .safeParse(input);
  if (!parsed.success) throw invalid("inquire about", parsed.error);
  const body =
    "merchantOrderId" in parsed.data
      ? { merchant_order_id: parsed.data.merchantOrderId }
      : { order_id: String(parsed.data.orderId) };
  const operation = `transaction inquiry for ${Object.entries(body)[0]!.join(" ")}`;

  const inquire = async (token: string) =>
    paymobRequest(
      config.baseUrl,
      {
        operation,
        method: "POST",
        path: "/api/ecommerce/orders/transaction_inquiry",
        auth: { scheme: "Bearer", credential: token },
        body,
        hints: { notFound: "no Paymob order or transaction with that reference in this account and mode" },
      },
      fetchImpl,
    );

  const first = await authToken(config, fetchImpl);
  let json: unknown;
  try {
    json = await inquire(first.token);
  } catch (error) {
    // A cached token can be revoked before it expires; log in again once before giving up.
    if (!(error instanceof PaymobAuthError) || !first.fromCache) throw error;
    tokenCache.delete(cacheKey(config));
    json = await inquire((await authToken(config, fetchImpl)).token);
  }
  const wire = parseTransaction(json, operation);
  return { transaction: reshapeTransaction(wire), body: JSON.stringify(wire) };
}

// ── auth token ───────────────────────────────────────────────────────────────────────────────────────

/** Paymob tokens live 60 minutes; reuse one for 50 so a token never expires mid-request. */
export const AUTH_TOKEN_TTL_MS = 50 * 60 * 1000;

type CachedToken = { token: string; expiresAt: number };
const tokenCache = new Map<string, CachedToken>();
const tokenRequests = new Map<string, Promise<string>>();

const cacheKey = (config: PaymobConfig) => `${config.baseUrl}\n${config.apiKey ?? ""}`;

/** A Bearer token for the inquiry APIs, from memory when it is younger than AUTH_TOKEN_TTL_MS. */
export async function getAuthToken(config: PaymobConfig, fetchImpl?: FetchImpl): Promise<string> {
  return (await authToken(config, fetchImpl)).token;
}

async function authToken(config: PaymobConfig, fetchImpl?: FetchImpl): Promise<{ token: string; fromCache: boolean }> {
  const apiKey = config.apiKey;
  if (!apiKey) {
    throw new PaymobConfigError(
      "PAYMOB_API_KEY is missing; transaction inquiry needs it to get an auth token (Paymob Dashboard → Settings → Account Info → API Key).",
      ["PAYMOB_API_KEY"],
    );
  }
  const key = cacheKey(config);
  const cached = tokenCache.get(key);
  if (cached && cached.expiresAt > Date.now()) return { token: cached.token, fromCache: true };

  // Concurrent callers share one token request instead of each logging in.
  let pending = tokenRequests.get(key);
  if (!pending) {
    pending = requestAuthToken(config.baseUrl, apiKey, fetchImpl).finally(() => tokenRequests.delete(key));
    tokenRequests.set(key, pending);
  }
  const token = await pending;
  tokenCache.set(key, { token, expiresAt: Date.now() + AUTH_TOKEN_TTL_MS });
  return { token, fromCache: false };
}

/** Forgets cached auth tokens (tests; or after rotating PAYMOB_API_KEY without a restart). */
export function clearAuthTokenCache(): void {
  tokenCache.clear();
  tokenRequests.clear();
}

async function requestAuthToken(baseUrl: string, apiKey: string, fetchImpl?: FetchImpl): Promise<string> {
  const operation = "auth token request";
  const json = await paymobRequest(
    baseUrl,
    {
      operation,
      method: "POST",
      path: "/api/auth/tokens",
      auth: null,
      body: { api_key: apiKey },
      hints: {
        unauthorized:
          "API key rejected — check PAYMOB_API_KEY (Paymob Dashboard → Settings → Account Info) and that it belongs to this region",
      },
    },
    fetchImpl,
  );
  return parsePaymobResponse(z.looseObject({ token: z.string().min(1) }), json, operation).token;
}

// ── shared ───────────────────────────────────────────────────────────────────────────────────────────

async function secretKeyCall(
  config: PaymobConfig,
  id: number,
  operation: string,
  path: string,
  body: object,
  fetchImpl?: FetchImpl,
) {
  const json = await paymobRequest(
    config.baseUrl,
    {
      operation,
      method: "POST",
      path,
      auth: { scheme: "Token", credential: config.secretKey },
      body,
      hints: { notFound: `transaction ${id} not found — is it from this Paymob account and ${config.mode} mode?` },
    },
    fetchImpl,
  );
  return reshapeTransaction(parseTransaction(json, operation));
}

/**
 * Paymob's refund/void docs show the transaction wrapped as {"type":"TRANSACTION","obj":{…}} with string
 * booleans ("pending": "false"); current answers are the bare object with real booleans. Accept both.
 * Turning "false" into false does not change the HMAC message: both stringify to "false".
 */
export function normaliseTransactionJson(json: unknown): unknown {
  let obj = json;
  if (isRecord(obj) && obj.type === "TRANSACTION" && isRecord(obj.obj)) obj = obj.obj;
  if (!isRecord(obj)) return obj;
  return Object.fromEntries(
    Object.entries(obj).map(([key, value]) => [key, value === "true" ? true : value === "false" ? false : value]),
  );
}

function parseTransaction(json: unknown, operation: string): TransactionObject {
  return parsePaymobResponse(transactionObjectSchema, normaliseTransactionJson(json), operation);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function invalid(action: string, error: z.ZodError) {
  const problems = error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
  return new PaymobInvalidInputError(`Refusing to ${action} a Paymob transaction: ${problems}`);
}
