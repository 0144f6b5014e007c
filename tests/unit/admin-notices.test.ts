import { createTranslator } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { adminFormats } from "@/components/admin/formats";
import { noticeText, type AdminT } from "@/components/admin/notice-text";
import type { AdminNotice, AdminNoticeCode } from "@/lib/admin/notices";
import { messageFormats } from "@/lib/i18n/formats";
import { MESSAGES } from "@/lib/i18n/messages";
import type { AppLocale } from "@/lib/i18n/routing";

// Every code an admin action can answer with (lib/admin/notices.ts) has words in both languages: the Record below
// does not compile when a code is added without a sample, and each sample must render in English and Arabic with
// every placeholder filled, Latin references isolated in <bdi>, and Arabic actually written in Arabic.

const money = { currency: "EGP", amountMinor: 12_050 };
const SAMPLES: Record<AdminNoticeCode, AdminNotice[]> = {
  not_admin: [{ code: "not_admin" }],
  rate_limited: [
    { code: "rate_limited", retryAfterSeconds: 1 },
    { code: "rate_limited", retryAfterSeconds: 42 },
    { code: "rate_limited", retryAfterSeconds: 60 },
    { code: "rate_limited", retryAfterSeconds: 600 },
  ],
  form_incomplete: (["refund", "void", "capture", "release", "replay", "price"] as const).map((form) => ({
    code: "form_incomplete",
    form,
  })),
  no_payment: [{ code: "no_payment" }],
  nothing_to_refund: [
    { code: "nothing_to_refund", currency: "EGP", pendingMinor: 0 },
    { code: "nothing_to_refund", currency: "EGP", pendingMinor: 5_000 },
  ],
  amount_unreadable: [{ code: "amount_unreadable", example: "120.50" }],
  not_captured: [{ code: "not_captured" }],
  payment_voided: [{ code: "payment_voided" }],
  payment_void_pending: [{ code: "payment_void_pending" }],
  refund_pending: [
    { code: "refund_pending", currency: "EGP", pendingMinor: 0 },
    { code: "refund_pending", currency: "EGP", pendingMinor: 5_000 },
  ],
  void_needs_unrefunded: [{ code: "void_needs_unrefunded" }],
  refund_exceeds: [
    { code: "refund_exceeds", ...money, pendingMinor: 0 },
    { code: "refund_exceeds", ...money, pendingMinor: 5_000 },
  ],
  no_authorisation: [{ code: "no_authorisation" }],
  authorisation_captured: [{ code: "authorisation_captured" }],
  authorisation_voided: [{ code: "authorisation_voided" }],
  capture_pending: [{ code: "capture_pending" }],
  authorisation_void_pending: [{ code: "authorisation_void_pending" }],
  second_authorisation: [{ code: "second_authorisation" }],
  order_not_authorised: [{ code: "order_not_authorised" }],
  authorised_amount_differs: [
    { code: "authorised_amount_differs", currency: "EGP", authorisedMinor: 10_000, orderMinor: 12_050 },
  ],
  confirm_refund: [
    { code: "confirm_refund", ...money, reference: "NC-7Q2K", whole: false },
    { code: "confirm_refund", ...money, reference: "NC-7Q2K", whole: true },
  ],
  confirm_void: [{ code: "confirm_void", ...money, reference: "NC-7Q2K" }],
  confirm_authorisation_void: [{ code: "confirm_authorisation_void", ...money, reference: "NC-7Q2K" }],
  requested: (["refund", "void", "capture"] as const).flatMap((kind) => [
    { code: "requested", kind, ...money, pending: false } as const,
    { code: "requested", kind, ...money, pending: true } as const,
  ]),
  paymob_refused: (["refund", "void", "capture"] as const).map((kind) => ({
    code: "paymob_refused",
    kind,
    ...money,
    reason: "Transaction is already settled",
  })),
  paymob_declined: [
    { code: "paymob_declined", kind: "refund", ...money, said: "Refund declined by issuer" },
    { code: "paymob_declined", kind: "capture", ...money, said: null },
  ],
  paymob_unconfirmed: (["refund", "void", "capture"] as const).map((kind) => ({
    code: "paymob_unconfirmed",
    kind,
    ...money,
    reason: "timeout after 15000 ms",
  })),
  release_impossible: [{ code: "release_impossible" }],
  released: (["refund", "void", "capture"] as const).map((kind) => ({ code: "released", kind })),
  no_callback: [{ code: "no_callback" }],
  replayed: [
    { code: "replayed", eventId: 1234, outcome: "duplicate", from: null, to: null },
    { code: "replayed", eventId: 1234, outcome: "refunded", from: "paid", to: "refunded" },
  ],
  replay_refused: [
    { code: "replay_refused", reason: "not_found" },
    { code: "replay_refused", reason: "not_replayable" },
  ],
  price_missing: [{ code: "price_missing" }],
  price_unreadable: [{ code: "price_unreadable", input: "12,5x", currency: "EGP", example: "12.50" }],
  price_zero: [{ code: "price_zero" }],
  price_too_high: [{ code: "price_too_high", currency: "EGP", maxMinor: 100_000_000 }],
  price_not_saved: [{ code: "price_not_saved" }],
  product_gone: [{ code: "product_gone" }],
  currency_changed: [{ code: "currency_changed", productCurrency: "EGP", formCurrency: "OMR" }],
  price_unchanged: [{ code: "price_unchanged", product: "Papyrus Notebook", currency: "EGP", priceMinor: 33_350 }],
  price_changed: [
    { code: "price_changed", product: "Papyrus Notebook", currency: "EGP", priceMinor: 33_350, oldPriceMinor: 31_000 },
  ],
  catalog_refreshed: [{ code: "catalog_refreshed" }],
};

function render(locale: AppLocale, notice: AdminNotice): string {
  const errors: unknown[] = [];
  const t = createTranslator({
    locale,
    messages: MESSAGES[locale],
    namespace: "admin",
    formats: messageFormats(locale, "egypt"),
    onError: (error) => errors.push(error),
  }) as unknown as AdminT;
  const html = renderToStaticMarkup(noticeText(t, notice, adminFormats(locale, "egypt").money));
  expect(errors).toEqual([]);
  return html;
}

const ARABIC_LETTERS = /[\u0621-\u064a]/;
const cases = Object.values(SAMPLES).flat();

describe("admin notices", () => {
  it.each(cases.map((n) => [n.code, n] as const))("%s reads in English and Arabic", (_code, notice) => {
    const en = render("en", notice);
    const ar = render("ar", notice);
    for (const text of [en, ar]) {
      expect(text).not.toMatch(/[{}]|admin\.notice|undefined|NaN/);
      expect(text.trim().length).toBeGreaterThan(10);
    }
    expect(en).not.toMatch(ARABIC_LETTERS);
    expect(ar).toMatch(ARABIC_LETTERS);
    expect(ar).not.toBe(en);
  });

  it("keeps what the admin matches against Paymob in Latin, isolated from Arabic text", () => {
    const confirm = SAMPLES.confirm_refund[0]!;
    expect(render("ar", confirm)).toContain("<bdi>NC-7Q2K</bdi>");
    expect(render("ar", SAMPLES.paymob_refused[0]!)).toContain("<bdi>Transaction is already settled</bdi>");
    expect(render("ar", SAMPLES.amount_unreadable[0]!)).toContain("<bdi>120.50</bdi>");
    // Amounts in Arabic: Arabic-Indic digits and the Egyptian pound's Arabic symbol (ar-EG).
    expect(render("ar", confirm)).toMatch(/١٢٠٫٥٠/);
  });

  it("says the same in English as the admin pages and e2e tests expect", () => {
    expect(render("en", SAMPLES.confirm_refund[1]!)).toBe(
      "Refund EGP\u00a0120.50 of order <bdi>NC-7Q2K</bdi> to the customer&#x27;s card? That is everything still refundable on this payment. Paymob sends the money back; this cannot be undone.",
    );
    expect(render("en", SAMPLES.requested[1]!)).toBe(
      "Refund of EGP\u00a0120.50 requested. Paymob accepted it as pending; the order updates when Paymob&#x27;s callback arrives.",
    );
    expect(render("en", SAMPLES.refund_exceeds[1]!)).toBe(
      "At most EGP\u00a0120.50 can still be refunded (EGP\u00a050.00 of refunds are awaiting Paymob).",
    );
    expect(render("en", SAMPLES.rate_limited[0]!)).toMatch(/try again in a second\.$/);
    expect(render("en", SAMPLES.rate_limited[1]!)).toMatch(/try again in 42 seconds\.$/);
    expect(render("en", SAMPLES.rate_limited[3]!)).toMatch(/try again in 10 minutes\.$/);
    expect(render("en", SAMPLES.replayed[1]!)).toBe(
      "Replayed callback #1234: <bdi>refunded</bdi> (order Paid → Refunded).",
    );
    expect(render("en", SAMPLES.paymob_declined[1]!)).toBe("Paymob declined the capture of EGP\u00a0120.50.");
  });
});

// The admin messages' keys, arguments and tags match English in messages-parity.test.ts, like every namespace.
