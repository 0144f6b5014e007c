import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { OrderStatusBadge } from "@/components/account/order-status";
import { Pagination } from "@/components/account/pagination";
import { PaymentDetails } from "@/components/orders/payment-details";
import { detailText, timelineText } from "@/components/orders/timeline-text";
import { ORDER_STATUSES, type OrderStatus } from "@/db/schema/orders";
import { MESSAGES } from "@/lib/i18n/messages";
import { ORDER_STATUS_LABELS, ORDER_STATUS_NEXT } from "@/lib/orders/status-labels";
import { renderIn, translator } from "../helpers/i18n";

type DetailsProps = Parameters<typeof PaymentDetails>[0];

// next-intl's navigation imports "next/navigation" without the ".js" Node's resolver needs outside Next; a plain
// anchor stands in for its locale-aware Link.
vi.mock("@/lib/i18n/navigation", () => ({
  Link: ({ href, ...props }: { href: string }) => createElement("a", { href, ...props }),
}));

// Order statuses are codes in lib/orders; their words are the "orders" messages, per language. Every status has
// a badge label and a "what now" in English and Arabic, and the account, sign-in and order messages have the same
// keys and placeholders in both languages.

const LABELS: Record<OrderStatus, { en: string; ar: string }> = {
  awaiting_payment: { en: "Awaiting payment", ar: "بانتظار الدفع" },
  authorised: { en: "Payment authorised, not yet charged", ar: "تمت الموافقة على الدفع ولم يُخصم المبلغ بعد" },
  paid: { en: "Paid", ar: "مدفوع" },
  payment_failed: { en: "Payment failed", ar: "تعذّر الدفع" },
  needs_review: { en: "Needs review", ar: "قيد المراجعة" },
  partially_refunded: { en: "Partially refunded", ar: "مُسترد جزئيًا" },
  refunded: { en: "Refunded", ar: "مُسترد" },
  voided: { en: "Voided", ar: "مُلغى" },
};

const badge = (locale: "en" | "ar", status: OrderStatus) =>
  renderIn(locale, createElement(OrderStatusBadge, { status })).replace(/<[^>]+>/g, "");

describe("order status → label", () => {
  it("the table covers every status the database allows", () => {
    expect(Object.keys(LABELS).sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it.each(ORDER_STATUSES.flatMap((status) => (["en", "ar"] as const).map((locale) => [status, locale] as const)))(
    "%s in %s",
    (status, locale) => {
      expect(badge(locale, status)).toBe(LABELS[status][locale]);
    },
  );

  it.each(ORDER_STATUSES)("%s: what it means and what happens next, in both languages", (status) => {
    for (const locale of ["en", "ar"] as const) {
      const t = translator(locale, "orders");
      const meaning = t(`next.${status}.meaning`);
      const next = t(`next.${status}.next`);
      expect(meaning.length).toBeGreaterThan(10);
      expect(next.length).toBeGreaterThan(10);
      if (locale === "ar") expect(`${meaning} ${next}`).toMatch(/^[^a-z]*(Paymob[^a-z]*)*$/i);
    }
  });

  it("the English copies for pages not yet translated are the English messages", () => {
    for (const status of ORDER_STATUSES) {
      expect(ORDER_STATUS_LABELS[status]).toBe(LABELS[status].en);
      expect(ORDER_STATUS_NEXT[status].meaning).toBe(translator("en", "orders")(`next.${status}.meaning`));
    }
  });

  it.each([
    ["en", "Order status: Awaiting payment → Paid", "Paymob transaction 77: paid"],
    ["ar", "حالة الطلب: بانتظار الدفع ← مدفوع", "عملية Paymob رقم 77: مدفوعة"],
  ] as const)("a status change in the payment timeline, in %s", (locale, title, detail) => {
    const text = timelineText(
      { kind: "status", from: "awaiting_payment", to: "paid", transactionId: 77, fact: "paid" },
      translator(locale, "orders"),
      { locale, region: "egypt" },
    );
    expect(text.title).toBe(title);
    expect(detailText(text.detail)).toBe(detail);
  });

  it("an unknown stored status or outcome is shown as written rather than breaking the page", () => {
    const t = translator("ar", "orders");
    const status = timelineText(
      { kind: "status", from: "on_hold", to: "paid", transactionId: 1, fact: "chargeback_won" },
      t,
      { locale: "ar", region: "egypt" },
    );
    expect(status.title).toBe("حالة الطلب: on hold ← مدفوع");
    expect(detailText(status.detail)).toBe("عملية Paymob رقم 1: chargeback won");
    const callback = timelineText(
      {
        kind: "callback",
        source: "callback",
        token: false,
        verification: "valid",
        currency: "EGP",
        stored: "refund via parent, total 35000 (full)",
        outcome: "brand_new",
      },
      t,
      { locale: "ar", region: "egypt" },
    );
    // The stored record stays as written (English, amounts as money), the rest is Arabic.
    expect(callback.detail).toEqual([
      "التوقيع سليم",
      { record: "refund via parent, total EGP\u00a0350.00 (full)" },
      "brand new",
    ]);
  });
});

describe("right to left", () => {
  it("pagination arrows mirror in Arabic and the words are Arabic", () => {
    const html = renderIn(
      "ar",
      createElement(Pagination, { page: 2, pageCount: 3, hrefFor: (p: number) => `/account/orders?page=${p}` }),
    );
    expect(html).toContain('aria-label="التنقّل بين الصفحات"');
    expect(html.match(/<span aria-hidden="true" class="inline-block rtl:-scale-x-100">[←→]<\/span>/g)).toHaveLength(2);
    expect(html.replace(/<[^>]+>/g, "")).toMatch(/السابق.*صفحة ٢ من ٣.*التالي/);
  });

  it("the payment details summary is Arabic", () => {
    const html = renderIn("ar", createElement(PaymentDetails, { open: false } as DetailsProps, "x"));
    expect(html).toContain("تفاصيل الدفع");
  });
});

describe("account, auth and orders messages", () => {
  const namespaces = ["account", "auth", "orders"] as const;

  function leaves(value: unknown, path = ""): [string, string][] {
    if (typeof value === "string") return [[path, value]];
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  // Keys, arguments and tags are compared with the ICU parser for every namespace in messages-parity.test.ts.
  it.each(namespaces)("%s: every Arabic message that has words is in Arabic", (ns) => {
    const en = Object.fromEntries(leaves(MESSAGES.en[ns]));
    const ar = Object.fromEntries(leaves(MESSAGES.ar[ns]));
    for (const [key, message] of Object.entries(en)) {
      const words = ar[key]!.replace(/\{[^{}]*\}|<\/?\w+>/g, "");
      if (/[a-z]{3}/i.test(message) && !/^[\s+×,،]*$/.test(words))
        expect({ key, ar: ar[key] }).toMatchObject({ key, ar: expect.stringMatching(/[\u0600-\u06ff]/) });
    }
  });
});
