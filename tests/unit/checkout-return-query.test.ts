import { describe, expect, it } from "vitest";
import { redirectLookup, redirectNote, searchParamsToQuery } from "@/lib/checkout/return/redirect-query";
import { signRedirect } from "@/lib/paymob/hmac";

const SECRET = "UNIT0TEST0HMAC0SECRET";

/** A browser redirect as Paymob sends it (docs/paymob.md § "Browser redirect"): flat keys, dotted source_data. */
function paymobRedirect(overrides: Record<string, string> = {}): URLSearchParams {
  const query = new URLSearchParams({
    id: "192837465",
    pending: "false",
    amount_cents: "35000",
    success: "true",
    is_auth: "false",
    is_capture: "false",
    is_standalone_payment: "true",
    is_voided: "false",
    is_refunded: "false",
    is_3d_secure: "false",
    integration_id: "4900001",
    has_parent_transaction: "false",
    order: "400123456",
    created_at: "2026-11-24T12:00:00.123456+02:00",
    currency: "EGP",
    error_occured: "false",
    owner: "11883",
    merchant_order_id: "NC-7K3M9Q2D-1",
    "source_data.type": "card",
    "source_data.pan": "2346",
    "source_data.sub_type": "MasterCard",
    ...overrides,
  });
  query.set("hmac", signRedirect(SECRET, query));
  return query;
}

describe("return page query", () => {
  it("rebuilds Paymob's exact query from Next's searchParams, so its HMAC still verifies", () => {
    const original = paymobRedirect();
    const params: Record<string, string | string[] | undefined> = Object.fromEntries(original);
    const rebuilt = searchParamsToQuery(params);
    expect(rebuilt.get("created_at")).toBe("2026-11-24T12:00:00.123456+02:00");
    expect(redirectNote(rebuilt, SECRET)?.detail).toContain(
      'said "approved" for transaction 192837465 (signature verified)',
    );
  });

  it("finds the attempt by merchant_order_id, else by Paymob's order id, else not at all", () => {
    expect(redirectLookup(new URLSearchParams("merchant_order_id=NC-7K3M9Q2D-2&order=5"))).toEqual({
      specialReference: "NC-7K3M9Q2D-2",
    });
    expect(redirectLookup(new URLSearchParams("order=400123456"))).toEqual({ paymobOrderId: 400123456 });
    expect(redirectLookup(new URLSearchParams("order=1;drop"))).toBeUndefined();
    expect(redirectLookup(new URLSearchParams(""))).toBeUndefined();
  });

  it("calls a tampered redirect what it is, and says nothing when there is no signature (Pixel's own return)", () => {
    const tampered = paymobRedirect();
    tampered.set("success", "false");
    expect(redirectNote(tampered, SECRET)).toMatchObject({
      tone: "danger",
      detail: expect.stringContaining("did not verify"),
    });
    expect(redirectNote(paymobRedirect({ success: "false" }), SECRET)?.detail).toContain('said "declined"');
    expect(redirectNote(paymobRedirect({ success: "false", pending: "true" }), SECRET)?.detail).toContain(
      'said "pending"',
    );
    expect(redirectNote(paymobRedirect({ is_auth: "true" }), SECRET)?.detail).toContain(
      'said "authorised, not captured"',
    );
    expect(redirectNote(new URLSearchParams("merchant_order_id=NC-7K3M9Q2D-1"), SECRET)).toBeUndefined();
  });
});
