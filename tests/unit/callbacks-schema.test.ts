import { describe, expect, it } from "vitest";
import { parseCallbackBody, parseRedirect, verifyCallback, type ParsedCallback } from "@/lib/paymob/callbacks";
import docsTx from "../fixtures/callbacks/docs-transaction-2024.json";
import xdotTx from "../fixtures/callbacks/xdot-transaction.json";
import xdotTampered from "../fixtures/callbacks/xdot-transaction-tampered.json";
import xdotToken from "../fixtures/callbacks/xdot-token.json";
import odooRedirect from "../fixtures/callbacks/odoo-redirect.json";
import docsRedirect from "../fixtures/callbacks/docs-derived-redirect.json";

// Fixtures are public HMAC test vectors: the Paymob docs sample (real, with the secret the docs publish) and
// synthetic vectors from xdot-paymob and Odoo (docs/paymob.md § "Test vectors").

function parsed(raw: string): ParsedCallback {
  const result = parseCallbackBody(raw);
  if (!result.ok) throw new Error(`expected a valid callback, got ${result.reason}: ${result.message}`);
  return result.callback;
}

const flipLastHexDigit = (hex: string) => hex.slice(0, -1) + (hex.endsWith("0") ? "1" : "0");

/** The docs payload with `edit` applied to a deep copy of obj. */
function docsWith(edit: (obj: Record<string, unknown>) => void): string {
  const body = structuredClone(docsTx.payload) as { obj: Record<string, unknown> };
  edit(body.obj);
  return JSON.stringify(body);
}

describe("parseCallbackBody + verifyCallback on real and published payloads", () => {
  it("accepts Paymob's documented TRANSACTION callback and verifies its published HMAC", () => {
    const callback = parsed(JSON.stringify(docsTx.payload));
    expect(callback.kind).toBe("TRANSACTION");
    if (callback.kind !== "TRANSACTION") return;
    expect(callback.obj).toMatchObject({
      id: 192036465,
      amount_cents: 100000,
      currency: "EGP",
      success: true,
      order: { id: 217503754 },
    });
    expect(callback.obj.order.merchant_order_id).toBeNull();
    expect(callback.obj.refunded_amount_cents).toBeNull();
    expect(callback.obj.data?.message).toBe("Approved");
    expect(verifyCallback(docsTx.secret, callback, docsTx.hmac)).toBe("valid");
    expect(verifyCallback(docsTx.secret, callback, docsTx.hmac.toUpperCase())).toBe("valid");
  });

  it("verifies the minimal synthetic TRANSACTION and rejects its tampered copy", () => {
    expect(verifyCallback(xdotTx.secret, parsed(JSON.stringify(xdotTx.payload)), xdotTx.hmac)).toBe("valid");
    expect(verifyCallback(xdotTampered.secret, parsed(JSON.stringify(xdotTampered.payload)), xdotTampered.hmac)).toBe(
      "invalid",
    );
  });

  it("accepts and verifies a TOKEN callback (order_id is a string there)", () => {
    const callback = parsed(JSON.stringify(xdotToken.payload));
    expect(callback).toMatchObject({
      kind: "TOKEN",
      obj: { id: 111999, order_id: "11111231", masked_pan: "xxxx-xxxx-xxxx-1234" },
    });
    expect(verifyCallback(xdotToken.secret, callback, xdotToken.hmac)).toBe("valid");
    expect(verifyCallback("wrong secret", callback, xdotToken.hmac)).toBe("invalid");
  });

  it("reports a missing signature as missing and garbage as invalid", () => {
    const callback = parsed(JSON.stringify(docsTx.payload));
    expect(verifyCallback(docsTx.secret, callback, null)).toBe("missing");
    expect(verifyCallback(docsTx.secret, callback, "")).toBe("missing");
    expect(verifyCallback(docsTx.secret, callback, "abc")).toBe("invalid");
    expect(verifyCallback(docsTx.secret, callback, flipLastHexDigit(docsTx.hmac))).toBe("invalid");
  });

  it("tolerates keys Paymob adds later, without changing the signature", () => {
    const raw = docsWith((obj) => {
      obj.amount_cents_bigint = 100000;
      obj.brand_new_field = { nested: [1, 2] };
    });
    const callback = parsed(raw);
    expect((callback.obj as Record<string, unknown>).brand_new_field).toEqual({ nested: [1, 2] });
    expect(verifyCallback(docsTx.secret, callback, docsTx.hmac)).toBe("valid");
  });

  it("tolerates null source data and drifted types in unsigned extras", () => {
    const callback = parsed(
      docsWith((obj) => {
        obj.source_data = { pan: null, sub_type: null, type: "wallet" };
        obj.refunded_amount_cents = "not a number";
        obj.data = null;
      }),
    );
    if (callback.kind !== "TRANSACTION") throw new Error("kind");
    expect(callback.obj.source_data.pan).toBeNull();
    expect(callback.obj.refunded_amount_cents).toBeUndefined();
  });

  it.each([
    ["amount as a string", (o: Record<string, unknown>) => (o.amount_cents = "100000")],
    ["amount with decimals", (o: Record<string, unknown>) => (o.amount_cents = 1000.5)],
    ["string boolean", (o: Record<string, unknown>) => (o.pending = "false")],
    ["missing owner", (o: Record<string, unknown>) => delete o.owner],
    ["missing order id", (o: Record<string, unknown>) => (o.order = { merchant_order_id: "x" })],
    ["missing source data", (o: Record<string, unknown>) => delete o.source_data],
    [
      "misspelling fixed by someone",
      (o: Record<string, unknown>) => ((o.error_occurred = false), delete o.error_occured),
    ],
  ])("is strict about the signed fields: %s", (_name, edit) => {
    const result = parseCallbackBody(docsWith(edit));
    expect(result).toMatchObject({
      ok: false,
      reason: "invalid_payload",
      hint: { type: "TRANSACTION", transactionId: 192036465 },
    });
  });

  it("rejects invalid JSON and unknown envelope types with a reason", () => {
    expect(parseCallbackBody("{not json")).toMatchObject({ ok: false, reason: "invalid_json", hint: {} });
    expect(parseCallbackBody("")).toMatchObject({ ok: false, reason: "invalid_json" });
    expect(parseCallbackBody(JSON.stringify({ type: "SUBSCRIPTION", obj: {} }))).toMatchObject({
      ok: false,
      reason: "invalid_payload",
      hint: { type: "SUBSCRIPTION" },
    });
    expect(parseCallbackBody("[]")).toMatchObject({ ok: false, reason: "invalid_payload", hint: {} });
    expect(
      parseCallbackBody(JSON.stringify({ type: "TOKEN", obj: { ...xdotToken.payload.obj, order_id: 11111231 } })),
    ).toMatchObject({
      ok: false,
      reason: "invalid_payload",
    });
  });
});

describe("parseRedirect", () => {
  const withHmac = (query: Record<string, string>, hmac: string) => new URLSearchParams({ ...query, hmac });

  it("verifies Odoo's redirect vector but only returns what it can read", () => {
    const result = parseRedirect(withHmac(odooRedirect.query, odooRedirect.hmac), odooRedirect.secret);
    // Odoo's synthetic vector uses id "dummy_id": signed, but not a Paymob transaction id.
    expect(result).toEqual({
      verified: true,
      merchantOrderId: "<odoo reference>",
      transactionId: undefined,
      success: true,
      pending: false,
      authorisation: false,
    });
  });

  it("reads the docs values sent as a redirect, including a percent-encoded created_at", () => {
    const query = withHmac({ ...docsRedirect.query, merchant_order_id: "PS-ABC-1" }, docsRedirect.hmac);
    const result = parseRedirect(new URLSearchParams(query.toString()), docsRedirect.secret);
    expect(result).toEqual({
      verified: true,
      merchantOrderId: "PS-ABC-1",
      transactionId: 192036465,
      success: true,
      pending: false,
      authorisation: false,
    });
  });

  it("never reports an outcome without a valid signature", () => {
    const forged = withHmac({ ...docsRedirect.query, success: "true", merchant_order_id: "PS-ABC-1" }, "0".repeat(128));
    expect(parseRedirect(forged, docsRedirect.secret)).toEqual({ verified: false, merchantOrderId: "PS-ABC-1" });
    const flipped = withHmac({ ...docsRedirect.query, amount_cents: "1" }, docsRedirect.hmac);
    expect(parseRedirect(flipped, docsRedirect.secret).verified).toBe(false);
    expect(parseRedirect(new URLSearchParams(docsRedirect.query), docsRedirect.secret)).toEqual({
      verified: false,
      merchantOrderId: undefined,
    });
  });
});
