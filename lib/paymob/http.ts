import "server-only";

import type { z } from "zod";

import {
  PaymobAuthError,
  PaymobNotFoundError,
  PaymobUnavailableError,
  PaymobUnexpectedResponseError,
  PaymobUnmatchedItemsError,
  PaymobValidationError,
} from "./errors";

// The one place that talks HTTP to Paymob. It never logs, and error messages never contain the request
// headers; a credential echoed back in a response body is redacted before it reaches a message.
// No automatic retries: creating an intention is not idempotent, so retrying is the caller's decision
// (every retryable failure is a PaymobUnavailableError with `retryable: true`).

export type FetchImpl = (input: string, init: RequestInit) => Promise<Response>;

/** `Token <secret key>` for the Intention and refund/void APIs, `Bearer <auth token>` for inquiry APIs. */
type PaymobAuth = { scheme: "Token" | "Bearer"; credential: string };

export type PaymobRequest = {
  /** Human name of the call for messages, e.g. "create intention". */
  operation: string;
  method: "GET" | "POST" | "PUT";
  /** Path below the base URL, starting with "/". */
  path: string;
  auth: PaymobAuth | null;
  body?: unknown;
  timeoutMs?: number;
  /** What a 401/403 or 404 most likely means for this call, phrased as what to check. */
  hints?: { unauthorized?: string; notFound?: string };
};

const DEFAULT_TIMEOUT_MS = 15_000;

const SECRET_KEY_HINT =
  "secret key invalid or missing — check PAYMOB_SECRET_KEY and that it matches the region (PAYMOB_REGION / PAYMOB_BASE_URL)";

/** Sends one JSON request and returns the parsed JSON of a 2xx answer; every failure is a typed PaymobError. */
export async function paymobRequest(
  baseUrl: string,
  request: PaymobRequest,
  fetchImpl: FetchImpl = fetch,
): Promise<unknown> {
  const { operation, method, path, auth, body } = request;
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (auth) headers.Authorization = `${auth.scheme} ${auth.credential}`;

  let status: number;
  let text: string;
  try {
    // The timeout covers reading the body too: the signal stays attached to the response stream.
    const response = await fetchImpl(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      cache: "no-store",
      // Never follow: a 301/302 would silently turn the POST into a GET. A 3xx surfaces as an unexpected status.
      redirect: "manual",
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    throw transportError(operation, timeoutMs, error);
  }

  text = redact(text, auth?.credential);
  const json = parseJson(text);

  if (status >= 200 && status < 300) {
    if (json === undefined) {
      throw new PaymobUnexpectedResponseError(
        `Paymob answered ${operation} with ${status} but the body is not JSON: ${truncate(text)}`,
        status,
      );
    }
    return json;
  }
  throw statusError(request, status, json ?? text);
}

/** Validates a Paymob answer; a mismatch means Paymob changed or we are talking to the wrong server. */
export function parsePaymobResponse<S extends z.ZodType>(
  schema: S,
  body: unknown,
  operation: string,
  status: number | null = 200,
): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
  throw new PaymobUnexpectedResponseError(
    `Paymob's answer to ${operation} has an unexpected shape — ${problems}`,
    status,
    result.error,
  );
}

function statusError(request: PaymobRequest, status: number, body: unknown) {
  const { operation } = request;
  const detail = describeBody(body);
  switch (status) {
    case 400:
      return new PaymobValidationError(operation, body);
    case 401:
    case 403:
      return new PaymobAuthError(
        operation,
        status,
        detail,
        request.hints?.unauthorized ?? defaultAuthHint(request.auth),
      );
    case 404:
      return new PaymobNotFoundError(
        operation,
        detail,
        request.hints?.notFound ?? `nothing at ${request.path} — is the base URL right?`,
      );
    case 406:
      return new PaymobUnmatchedItemsError(
        `Paymob rejected ${operation} (406): the items do not add up to the amount (Paymob said: ${detail})`,
        406,
      );
  }
  if (status === 408 || status === 429 || status >= 500) {
    return new PaymobUnavailableError("server_error", status, `Paymob failed ${operation} with ${status}: ${detail}`);
  }
  return new PaymobUnexpectedResponseError(
    `Paymob answered ${operation} with unexpected status ${status}: ${detail}`,
    status,
  );
}

function defaultAuthHint(auth: PaymobAuth | null): string {
  if (auth?.scheme === "Token") return SECRET_KEY_HINT;
  if (auth?.scheme === "Bearer") return "the auth token was rejected — check PAYMOB_API_KEY";
  return "credentials rejected";
}

function transportError(operation: string, timeoutMs: number, error: unknown) {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return new PaymobUnavailableError(
      "timeout",
      null,
      `Paymob did not answer ${operation} within ${timeoutMs} ms`,
      error,
    );
  }
  // undici reports the real reason (ECONNREFUSED, ENOTFOUND, certificate errors) in `cause`.
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  const message = error instanceof Error ? error.message : String(error);
  return new PaymobUnavailableError(
    "network",
    null,
    `Could not reach Paymob for ${operation} (${message}${cause})`,
    error,
  );
}

function parseJson(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The `detail`/`message` Paymob usually sends, else the body itself, kept short for messages. */
function describeBody(body: unknown): string {
  if (body !== null && typeof body === "object" && !Array.isArray(body)) {
    for (const key of ["detail", "message", "msg"]) {
      const value = (body as Record<string, unknown>)[key];
      if (typeof value === "string" && value) return truncate(value);
    }
  }
  if (typeof body === "string") return truncate(body) || "(empty body)";
  return truncate(JSON.stringify(body) ?? "");
}

function truncate(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function redact(text: string, credential: string | undefined): string {
  return credential && credential.length >= 8 ? text.split(credential).join("[redacted]") : text;
}
