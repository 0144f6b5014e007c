import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { PaymobConfig } from "@/lib/paymob/config";
import {
  PaymobAuthError,
  PaymobConfigError,
  PaymobInvalidInputError,
  PaymobNotFoundError,
  PaymobUnexpectedResponseError,
} from "@/lib/paymob/errors";
import { hmacHex, signTransaction } from "@/lib/paymob/hmac";
import { transactionSignedMessage } from "@/lib/paymob/reshape";
import {
  AUTH_TOKEN_TTL_MS,
  captureTransaction,
  clearAuthTokenCache,
  getAuthToken,
  inquireTransaction,
  normaliseTransactionJson,
  refundTransaction,
  voidTransaction,
} from "@/lib/paymob/transactions";

import fixtures from "../fixtures/paymob-vectors.json";
import { fakeFetch, json, TEST_PAYMOB_CONFIG } from "./paymob-fake-fetch";

const config: PaymobConfig = { ...TEST_PAYMOB_CONFIG, apiKey: "api-key-123", paymentMethods: [4900001] };

// A real transaction object (Paymob docs callback sample), as a refund child transaction.
const paid = fixtures.vectors.find((v) => v.id === "docs-transaction-processed-2024")!.payload!.obj as Record<
  string,
  unknown
>;
const refundChild = {
  ...paid,
  id: 192036999,
  amount_cents: 2500,
  has_parent_transaction: true,
  parent_transaction: 192036465,
  is_refund: true,
};

/** The old docs' refund answer: wrapped in {type, obj} with string booleans. */
function legacyEnvelope(obj: Record<string, unknown>) {
  const stringly = Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, typeof v === "boolean" ? String(v) : v]));
  return { type: "TRANSACTION", obj: stringly };
}

/** A POST to Paymob's `path` carrying `body`, authenticated with the secret key. */
const securePost = (path: string, body: unknown) =>
  expect.objectContaining({
    url: `https://accept.paymob.com${path}`,
    method: "POST",
    body,
    headers: expect.objectContaining({ authorization: "Token egy_sk_test_secret" }),
  });

beforeEach(() => clearAuthTokenCache());
afterEach(() => vi.useRealTimers());

describe("refundTransaction / voidTransaction", () => {
  it("POSTs the refund with `Authorization: Token <secret>` and returns the transaction", async () => {
    const fetch = fakeFetch(json(refundChild));
    const tx = await refundTransaction(config, { transactionId: 192036465, amountCents: 2500 }, fetch.impl);
    expect(fetch.requests).toEqual([
      securePost("/api/acceptance/void_refund/refund", { transaction_id: 192036465, amount_cents: 2500 }),
    ]);
    expect(tx).toMatchObject({
      id: 192036999,
      amountMinor: 2500,
      hasParentTransaction: true,
      parentTransactionId: 192036465,
      success: true,
    });
  });

  it("POSTs the void with the transaction id only", async () => {
    const fetch = fakeFetch(json({ ...paid, id: 192037000, has_parent_transaction: true }));
    const tx = await voidTransaction(config, { transactionId: 192036465 }, fetch.impl);
    expect(fetch.requests[0]).toMatchObject({
      url: "https://accept.paymob.com/api/acceptance/void_refund/void",
      body: { transaction_id: 192036465 },
    });
    expect(fetch.requests[0]!.headers.authorization).toBe("Token egy_sk_test_secret");
    expect(tx.id).toBe(192037000);
  });

  it("POSTs a capture of an authorisation to /api/acceptance/capture with the secret key, and returns the capture child", async () => {
    const captureChild = {
      ...paid,
      id: 192037001,
      is_capture: true,
      has_parent_transaction: true,
      parent_transaction: 192036465,
    };
    const fetch = fakeFetch(json(captureChild));
    const tx = await captureTransaction(config, { transactionId: 192036465, amountCents: 10_000 }, fetch.impl);
    expect(fetch.requests).toEqual([
      securePost("/api/acceptance/capture", { transaction_id: 192036465, amount_cents: 10_000 }),
    ]);
    expect(tx).toMatchObject({ id: 192037001, isCapture: true, parentTransactionId: 192036465 });
    await expect(
      captureTransaction(config, { transactionId: 192036465, amountCents: 0 }, fetch.impl),
    ).rejects.toBeInstanceOf(PaymobInvalidInputError);
    expect(fetch.requests).toHaveLength(1);
  });

  it("unwraps the legacy {type, obj} answer and turns string booleans into booleans, keeping the signature", async () => {
    const tx = await refundTransaction(
      config,
      { transactionId: 192036465, amountCents: 2500 },
      fakeFetch(json(legacyEnvelope(refundChild))).impl,
    );
    expect(tx).toMatchObject({
      pending: false,
      success: true,
      isRefunded: false,
      hasParentTransaction: true,
      errorOccurred: false,
    });
    expect(typeof tx.is3dSecure).toBe("boolean");
    expect(hmacHex("S", transactionSignedMessage(tx))).toBe(signTransaction("S", refundChild));
  });

  it("leaves non-boolean strings alone when normalising", () => {
    expect(normaliseTransactionJson({ currency: "EGP", pending: "false", note: "truey", n: 1 })).toEqual({
      currency: "EGP",
      pending: false,
      note: "truey",
      n: 1,
    });
    expect(normaliseTransactionJson([1])).toEqual([1]);
  });

  it.each([
    [{ transactionId: 0, amountCents: 100 }, /transactionId/],
    [{ transactionId: 1.5, amountCents: 100 }, /transactionId/],
    [{ transactionId: 1, amountCents: 0 }, /amountCents/],
    [{ transactionId: 1, amountCents: 99.5 }, /amountCents/],
  ])("refuses %o locally", async (input, message) => {
    const fetch = fakeFetch();
    const attempt = refundTransaction(config, input, fetch.impl);
    await expect(attempt).rejects.toBeInstanceOf(PaymobInvalidInputError);
    await expect(attempt).rejects.toThrow(message);
    expect(fetch.requests).toHaveLength(0);
  });

  it("explains a 404 as an unknown transaction for this account and mode", async () => {
    const attempt = voidTransaction(config, { transactionId: 5 }, fakeFetch(json({ detail: "Not found." }, 404)).impl);
    await expect(attempt).rejects.toBeInstanceOf(PaymobNotFoundError);
    await expect(attempt).rejects.toThrow(/transaction 5 not found — is it from this Paymob account and test mode\?/);
  });

  it("rejects an answer whose signed fields have the wrong types", async () => {
    const attempt = refundTransaction(
      config,
      { transactionId: 1, amountCents: 1 },
      fakeFetch(json({ ...refundChild, amount_cents: "2500" })).impl,
    );
    await expect(attempt).rejects.toBeInstanceOf(PaymobUnexpectedResponseError);
    await expect(attempt).rejects.toThrow(/amount_cents/);
  });
});

describe("inquireTransaction and the auth token", () => {
  const token = (value: string) => json({ token: value, profile: { id: 1 } }, 201);

  it("logs in with the API key, then inquires with `Authorization: Bearer <token>`", async () => {
    const fetch = fakeFetch(token("tok-1"), json(paid));
    const { transaction: tx, body } = await inquireTransaction(
      config,
      { merchantOrderId: "order-42-attempt-1" },
      fetch.impl,
    );
    expect(fetch.requests.map((r) => [r.method, r.url, r.body, r.headers.authorization])).toEqual([
      ["POST", "https://accept.paymob.com/api/auth/tokens", { api_key: "api-key-123" }, undefined],
      [
        "POST",
        "https://accept.paymob.com/api/ecommerce/orders/transaction_inquiry",
        { merchant_order_id: "order-42-attempt-1" },
        "Bearer tok-1",
      ],
    ]);
    expect(tx.id).toBe(192036465);
    // The wire object is kept as text for the inquiry's payment event (a replay reads it back).
    expect(JSON.parse(body)).toMatchObject({ id: 192036465, amount_cents: paid.amount_cents, order: paid.order });
  });

  it("sends Paymob's order id as a string", async () => {
    const fetch = fakeFetch(token("tok-1"), json(paid));
    await inquireTransaction(config, { orderId: 217503754 }, fetch.impl);
    expect(fetch.requests[1]!.body).toEqual({ order_id: "217503754" });
  });

  it("reuses the token for 50 minutes, then logs in again", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-01-01T10:00:00Z"));
    const fetch = fakeFetch(token("tok-1"), json(paid), json(paid), token("tok-2"), json(paid));

    await inquireTransaction(config, { orderId: 1 }, fetch.impl);
    vi.setSystemTime(Date.now() + AUTH_TOKEN_TTL_MS - 1000);
    await inquireTransaction(config, { orderId: 2 }, fetch.impl);
    vi.setSystemTime(Date.now() + 2000);
    await inquireTransaction(config, { orderId: 3 }, fetch.impl);

    expect(AUTH_TOKEN_TTL_MS).toBe(50 * 60 * 1000);
    expect(fetch.requests.map((r) => r.headers.authorization ?? "login")).toEqual([
      "login",
      "Bearer tok-1",
      "Bearer tok-1",
      "login",
      "Bearer tok-2",
    ]);
  });

  it("shares one login between concurrent callers", async () => {
    const fetch = fakeFetch(token("tok-1"));
    const tokens = await Promise.all([
      getAuthToken(config, fetch.impl),
      getAuthToken(config, fetch.impl),
      getAuthToken(config, fetch.impl),
    ]);
    expect(tokens).toEqual(["tok-1", "tok-1", "tok-1"]);
    expect(fetch.requests).toHaveLength(1);
  });

  it("keeps tokens apart per base URL and API key", async () => {
    const fetch = fakeFetch(token("tok-a"), token("tok-b"));
    expect(await getAuthToken(config, fetch.impl)).toBe("tok-a");
    expect(await getAuthToken({ ...config, apiKey: "other" }, fetch.impl)).toBe("tok-b");
  });

  it("logs in again once when a cached token is refused", async () => {
    const fetch = fakeFetch(token("tok-1"), json(paid), json({ detail: "expired" }, 401), token("tok-2"), json(paid));
    await inquireTransaction(config, { orderId: 1 }, fetch.impl);
    await inquireTransaction(config, { orderId: 1 }, fetch.impl);
    expect(fetch.requests.map((r) => r.headers.authorization ?? "login")).toEqual([
      "login",
      "Bearer tok-1",
      "Bearer tok-1",
      "login",
      "Bearer tok-2",
    ]);
  });

  it("does not loop when a fresh token is refused", async () => {
    const fetch = fakeFetch(token("tok-1"), json({ detail: "no" }, 401));
    const attempt = inquireTransaction(config, { orderId: 1 }, fetch.impl);
    await expect(attempt).rejects.toBeInstanceOf(PaymobAuthError);
    await expect(attempt).rejects.toThrow(/check PAYMOB_API_KEY/);
    expect(fetch.requests).toHaveLength(2);
  });

  it("names PAYMOB_API_KEY when the login is refused, and caches nothing", async () => {
    const fetch = fakeFetch(json({ detail: "Incorrect credentials" }, 403), token("tok-1"));
    await expect(getAuthToken(config, fetch.impl)).rejects.toThrow(/API key rejected — check PAYMOB_API_KEY/);
    await expect(getAuthToken(config, fetch.impl)).resolves.toBe("tok-1");
  });

  it("needs PAYMOB_API_KEY", async () => {
    const fetch = fakeFetch();
    const attempt = inquireTransaction({ ...config, apiKey: undefined }, { orderId: 1 }, fetch.impl);
    await expect(attempt).rejects.toBeInstanceOf(PaymobConfigError);
    await expect(attempt).rejects.toThrow(/PAYMOB_API_KEY is missing/);
    expect(fetch.requests).toHaveLength(0);
  });

  it("rejects a login answer without a token", async () => {
    await expect(getAuthToken(config, fakeFetch(json({ profile: {} }, 201)).impl)).rejects.toBeInstanceOf(
      PaymobUnexpectedResponseError,
    );
  });

  it.each([[{ orderId: "12a" }], [{ merchantOrderId: " " }], [{}]])("refuses %o locally", async (input) => {
    const fetch = fakeFetch();
    await expect(inquireTransaction(config, input as never, fetch.impl)).rejects.toBeInstanceOf(
      PaymobInvalidInputError,
    );
    expect(fetch.requests).toHaveLength(0);
  });
});
