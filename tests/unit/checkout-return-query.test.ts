import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { PaymentTimeline } from "@/components/orders/payment-timeline";
import { redirectLookup, redirectNote, searchParamsToQuery } from "@/lib/checkout/return/redirect-query";
import type { AppLocale } from "@/lib/i18n/routing";
import { renderIn } from "../helpers/i18n";
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
    expect(redirectNote(rebuilt, SECRET)).toEqual({
      verified: true,
      said: "approved",
      transactionId: 192837465,
      tone: "neutral",
    });
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
    expect(redirectNote(tampered, SECRET)).toEqual({ verified: false, tone: "danger" });
    expect(redirectNote(paymobRedirect({ success: "false" }), SECRET)).toMatchObject({ said: "declined" });
    expect(redirectNote(paymobRedirect({ success: "false", pending: "true" }), SECRET)).toMatchObject({
      said: "pending",
    });
    expect(redirectNote(paymobRedirect({ is_auth: "true" }), SECRET)).toMatchObject({ said: "authorised" });
    expect(redirectNote(new URLSearchParams("merchant_order_id=NC-7K3M9Q2D-1"), SECRET)).toBeUndefined();
  });

  it("words the redirect's claim in the page's language", () => {
    const note = redirectNote(paymobRedirect({ is_auth: "true" }), SECRET);
    const render = (locale: AppLocale, n = note) =>
      renderIn(locale, createElement(PaymentTimeline, { entries: [], note: n })).replace(/<[^>]+>/g, " ");
    expect(render("en")).toMatch(/Returned from Paymob.*authorised, not captured.{1,8} for transaction 192837465/);
    expect(render("ar")).toMatch(/العودة من Paymob.*المعاملة 192837465 مفوَّضة ولم يُحصَّل مبلغها بعد/);
    expect(render("ar")).not.toMatch(/Returned|signature|authorised/);
    expect(render("ar", redirectNote(tamperedRedirect(), SECRET))).toContain("لم يتطابق توقيع إعادة التوجيه");
  });
});

function tamperedRedirect() {
  const query = paymobRedirect();
  query.set("success", "false");
  return query;
}
