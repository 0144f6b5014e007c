import { describe, expect, it } from "vitest";

import type { PaymobConfig } from "@/lib/paymob/config";
import {
  PaymobAuthError,
  PaymobError,
  PaymobNotFoundError,
  PaymobUnavailableError,
  PaymobUnexpectedResponseError,
  PaymobUnmatchedItemsError,
  PaymobValidationError,
  flattenFieldErrors,
} from "@/lib/paymob/errors";
import { paymobRequest } from "@/lib/paymob/http";
import { createIntention, type CreateIntentionInput } from "@/lib/paymob/intention";

import { fakeFetch, json } from "./paymob-fake-fetch";

const config: PaymobConfig = {
  mode: "test",
  region: "egypt",
  baseUrl: "https://accept.paymob.com",
  currency: "EGP",
  secretKey: "egy_sk_test_0123456789secret",
  publicKey: "egy_pk_test_public",
  hmacSecret: "HMACSECRET",
  paymentMethods: [4900001],
};
const input: CreateIntentionInput = {
  amountMinor: 1000,
  currency: "EGP",
  items: [{ name: "Mug", amountMinor: 1000, quantity: 1 }],
  billing: { firstName: "A", lastName: "B", email: "a@example.com", phoneNumber: "+20100" },
  specialReference: "order-7",
  notificationUrl: "https://shop.example/api/paymob/callback",
  redirectionUrl: "https://shop.example/checkout/return",
};

async function failure(reply: Response | Error | (() => Promise<Response>)): Promise<PaymobError> {
  try {
    await createIntention(config, input, fakeFetch(reply).impl);
  } catch (error) {
    expect(error).toBeInstanceOf(PaymobError);
    return error as PaymobError;
  }
  throw new Error("expected createIntention to fail");
}

describe("HTTP status → typed error", () => {
  it("400 carries Paymob's field errors and names the field", async () => {
    const body = {
      billing_data: { phone_number: ["This field is required."] },
      items: { name: ["This field is required."] },
    };
    const error = await failure(json(body, 400));
    expect(error).toBeInstanceOf(PaymobValidationError);
    expect(error).toMatchObject({ status: 400, code: "validation", retryable: false, fieldErrors: body });
    expect(error.message).toBe(
      "Paymob rejected create intention for order-7 (400 Bad Request): billing_data.phone_number: This field is required.; items.name: This field is required.",
    );
    expect((error as PaymobValidationError).issues).toEqual([
      { field: "billing_data.phone_number", messages: ["This field is required."] },
      { field: "items.name", messages: ["This field is required."] },
    ]);
    expect(error.publicMessage).not.toMatch(/billing_data|Paymob rejected/);
  });

  it("401 points at PAYMOB_SECRET_KEY and the region", async () => {
    const error = await failure(json({ detail: "Authentication credentials were not provided." }, 401));
    expect(error).toBeInstanceOf(PaymobAuthError);
    expect(error).toMatchObject({ status: 401, code: "unauthorized" });
    expect(error.message).toContain(
      "secret key invalid or missing — check PAYMOB_SECRET_KEY and that it matches the region",
    );
    expect(error.message).toContain("Authentication credentials were not provided.");
  });

  it("404 explains the test/live integration mismatch", async () => {
    const detail =
      "Integration ID/Name does not exist in our system . You can find the list of Integration ID’/Names from Merchant Dashboard";
    const error = await failure(json({ detail }, 404));
    expect(error).toBeInstanceOf(PaymobNotFoundError);
    expect(error).toMatchObject({ status: 404, code: "not_found" });
    expect(error.message).toMatch(
      /Integration ID\/Name does not exist — test\/live mismatch\? PAYMOB_PAYMENT_METHODS \(4900001\) must be test integrations/,
    );
  });

  it("406 is an unmatched-item-prices error", async () => {
    const error = await failure(json({ detail: "unmatched_item_prices" }, 406));
    expect(error).toBeInstanceOf(PaymobUnmatchedItemsError);
    expect(error).toMatchObject({ status: 406, code: "unmatched_item_prices", retryable: false });
    expect(error.message).toContain("unmatched_item_prices");
  });

  it.each([500, 502, 503, 429])("%s is retryable", async (status) => {
    const error = await failure(new Response("<html>Bad gateway</html>", { status }));
    expect(error).toBeInstanceOf(PaymobUnavailableError);
    expect(error).toMatchObject({ status, code: "server_error", retryable: true });
    expect(error.message).toContain("<html>Bad gateway</html>");
  });

  it("a timeout is retryable and has no status", async () => {
    const error = await failure(new DOMException("The operation was aborted due to timeout", "TimeoutError"));
    expect(error).toMatchObject({ code: "timeout", status: null, retryable: true });
    expect(error.message).toMatch(/did not answer create intention for order-7 within 15000 ms/);
  });

  it("a connection failure is retryable and names the cause", async () => {
    const error = await failure(
      new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:443") }),
    );
    expect(error).toMatchObject({ code: "network", status: null, retryable: true });
    expect(error.message).toContain("ECONNREFUSED");
  });

  it("a 201 that is not JSON is an unexpected response", async () => {
    const error = await failure(new Response("OK", { status: 201 }));
    expect(error).toBeInstanceOf(PaymobUnexpectedResponseError);
    expect(error).toMatchObject({ status: 201, code: "unexpected_response", retryable: false });
  });

  it("a 201 of the wrong shape is an unexpected response naming the field", async () => {
    const error = await failure(json({ id: "pi_test_1", status: "intended" }, 201));
    expect(error).toBeInstanceOf(PaymobUnexpectedResponseError);
    expect(error.message).toMatch(/unexpected shape — client_secret: .*intention_order_id/);
  });

  it.each([302, 409, 418])("status %s is an unexpected response", async (status) => {
    const error = await failure(
      new Response(null, { status, headers: status === 302 ? { Location: "https://elsewhere.example" } : {} }),
    );
    expect(error).toBeInstanceOf(PaymobUnexpectedResponseError);
    expect(error.status).toBe(status);
  });

  it("never puts the secret key in a message, even when Paymob echoes it", async () => {
    const error = await failure(json({ detail: `Invalid token ${config.secretKey}` }, 401));
    expect(error.message).not.toContain(config.secretKey);
    expect(error.message).toContain("[redacted]");
  });
});

describe("paymobRequest", () => {
  it("aborts a request that outlives its timeout", async () => {
    const hanging = (_url: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) =>
        init.signal!.addEventListener("abort", () => reject(init.signal!.reason)),
      );
    const attempt = paymobRequest(
      config.baseUrl,
      { operation: "slow call", method: "GET", path: "/slow", auth: null, timeoutMs: 20 },
      hanging,
    );
    await expect(attempt).rejects.toMatchObject({ code: "timeout", retryable: true });
  });

  it("sends no body or Content-Type on a GET and uses Bearer auth when asked", async () => {
    const fetch = fakeFetch(json({ ok: true }));
    await expect(
      paymobRequest(
        config.baseUrl,
        { operation: "get", method: "GET", path: "/x", auth: { scheme: "Bearer", credential: "tok" } },
        fetch.impl,
      ),
    ).resolves.toEqual({ ok: true });
    expect(fetch.requests[0]).toMatchObject({
      url: "https://accept.paymob.com/x",
      method: "GET",
      body: undefined,
      headers: { authorization: "Bearer tok" },
    });
    expect(fetch.requests[0]!.headers).not.toHaveProperty("content-type");
  });
});

describe("flattenFieldErrors", () => {
  it.each([
    [{ amount: ["This field is required."] }, [{ field: "amount", messages: ["This field is required."] }]],
    [
      { items: [{}, { name: ["This field may not be blank."] }] },
      [{ field: "items[1].name", messages: ["This field may not be blank."] }],
    ],
    [
      { detail: "Looks like the secret key is invalid" },
      [{ field: "", messages: ["Looks like the secret key is invalid"] }],
    ],
    [["Order has already paid."], [{ field: "", messages: ["Order has already paid."] }]],
    [null, []],
  ])("%j", (body, issues) => {
    expect(flattenFieldErrors(body)).toEqual(issues);
  });
});
