import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { PaymentReversal } from "@/db/schema/reversals";
import { attemptLedger } from "@/lib/admin/ledger";
import type { AdminAttempt } from "@/lib/admin/orders";
import { MESSAGES } from "@/lib/i18n/messages";
import type { AppLocale } from "@/lib/i18n/routing";
import { formatMoney } from "@/lib/money";

// The admin page's view of an authorisation: capture and void requests are listed like refunds, and while one
// awaits Paymob the page offers no second Capture or Void (the server refuses them anyway, under a lock).

// The forms' server actions need a request context; rendering only needs something to point at.
vi.mock("@/lib/admin/actions", () => {
  const idle = async () => ({ status: "idle" });
  return {
    captureAction: idle,
    voidAuthorisationAction: idle,
    refundAction: idle,
    voidAction: idle,
    releaseReversalAction: idle,
  };
});
const { PaymentAttempts } = await import("@/components/admin/payment-attempts");

const AUTH = 700;
const AMOUNT = formatMoney(35_000, "EGP");
const created = new Date("2026-11-24T12:00:00Z");
const authorisation = {
  id: 1,
  paymobTransactionId: AUTH,
  parentTransactionId: null,
  attemptId: "a1",
  fact: "authorised",
  hasParentTransaction: false,
  isCapture: false,
  amountCents: 35_000,
  refundedAmountCents: null,
};

function request(kind: PaymentReversal["kind"], overrides: Partial<PaymentReversal> = {}): PaymentReversal {
  const base = {
    orderId: "o1",
    attemptId: "a1",
    paymobTransactionId: AUTH,
    amountMinor: 35_000,
    currency: "EGP",
    requestedBy: "admin@example.com",
  };
  return {
    id: 5,
    ...base,
    kind,
    status: "pending",
    childTransactionId: null,
    failureReason: null,
    createdAt: created,
    updatedAt: created,
    resolvedAt: null,
    ...overrides,
  };
}

function render(reversals: PaymentReversal[], locale: AppLocale = "en"): string {
  const attempt = {
    id: "a1",
    mode: "test",
    status: "authorised",
    amountMinor: 35_000,
    currency: "EGP",
    createdAt: created,
    intentionId: null,
    specialReference: "ref",
    intentionOrderId: 1,
    paymobTransactionId: AUTH,
    error: null,
    transactions: [],
    ledger: attemptLedger([authorisation], "a1"),
    reversals,
  } as unknown as AdminAttempt;
  const page = createElement(PaymentAttempts, { reference: "PS-1", orderStatus: "authorised", attempts: [attempt] });
  const messages = MESSAGES[locale];
  return renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      { locale, messages, timeZone: "Africa/Cairo" } as ComponentProps<typeof NextIntlClientProvider>,
      page,
    ),
  );
}

describe("admin page: requests on an authorisation", () => {
  it("an open authorisation offers Capture and Void", () => {
    const html = render([]);
    expect(html).toContain(`Capture ${AMOUNT}`);
    expect(html).toContain("Void authorisation");
    expect(html).not.toContain("Capture, refund and void requests");
  });

  it.each(["capture", "void"] as const)("a pending %s is listed, and no second Capture or Void is offered", (kind) => {
    const html = render([request(kind)]);
    expect(html).toContain("Capture, refund and void requests");
    expect(html).toMatch(
      new RegExp(
        `${kind}</span><span>${AMOUNT}</span><span[^>]*>of authorisation <span[^>]*>txn <bdi>${AUTH}</bdi>`,
        "i",
      ),
    );
    expect(html).toContain(`${kind} requested, awaiting Paymob`);
    expect(html).not.toContain(`Capture ${AMOUNT}`);
    expect(html).not.toContain("Void authorisation");
  });

  it("a capture Paymob never confirmed can be released after checking Paymob's dashboard", () => {
    const html = render([request("capture", { failureReason: "Paymob's answer is unknown: timeout" })]);
    expect(html).toContain("No other capture or void of this authorisation can start meanwhile.");
    expect(html).toContain("Not in Paymob&#x27;s dashboard: release");
  });

  it("a released request holds nothing: Capture and Void are offered again", () => {
    const html = render([
      request("capture", {
        status: "released",
        failureReason: "Paymob refused: Authorisation expired",
        resolvedAt: created,
      }),
    ]);
    expect(html).toContain("released");
    expect(html).toContain(`Capture ${AMOUNT}`);
  });

  it("speaks Arabic on an Arabic page, with transaction ids kept in Latin digits", () => {
    const html = render([request("capture")], "ar");
    expect(html).toContain("طلبات التحصيل والاسترداد والإلغاء");
    expect(html).toContain(`معاملة <bdi>${AUTH}</bdi>`);
    expect(html).toContain("٣٥٠٫٠٠"); // ar-EG amounts
    expect(html).not.toContain("Capture, refund and void requests");
  });
});
