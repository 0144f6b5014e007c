import { describe, expect, it } from "vitest";
import { orderEmailDue, type OrderMove } from "@/lib/mail/order-email-due";
import { orderEmailText, orderLink } from "@/lib/mail/order-email-text";
import { retryDelayMs } from "@/lib/mail/order-emails";
import { formatMoney } from "@/lib/money";

describe("which move owes an email", () => {
  const cases: [string, OrderMove, ReturnType<typeof orderEmailDue>][] = [
    [
      "paid",
      { from: "awaiting_payment", to: "paid", refundedBefore: 0 },
      { kind: "order_confirmed", eventKey: "", amountMinor: null },
    ],
    [
      "captured",
      { from: "authorised", to: "paid", refundedBefore: 0 },
      { kind: "order_confirmed", eventKey: "", amountMinor: null },
    ],
    [
      "paid after a failure",
      { from: "payment_failed", to: "paid", refundedBefore: 0 },
      { kind: "order_confirmed", eventKey: "", amountMinor: null },
    ],
    ["authorised only", { from: "awaiting_payment", to: "authorised", refundedBefore: 0 }, null],
    ["declined", { from: "awaiting_payment", to: "payment_failed", refundedBefore: 0 }, null],
    ["to review", { from: "paid", to: "needs_review", refundedBefore: 0 }, null],
    ["voided", { from: "authorised", to: "voided", refundedBefore: 0 }, null],
    [
      "partial refund",
      { from: "paid", to: "partially_refunded", refundedBefore: 0, refundedAfter: 10_000 },
      { kind: "refund_issued", eventKey: "10000", amountMinor: 10_000 },
    ],
    [
      "the rest refunded",
      { from: "partially_refunded", to: "refunded", refundedBefore: 10_000, refundedAfter: 35_000 },
      { kind: "refund_issued", eventKey: "35000", amountMinor: 25_000 },
    ],
    [
      "the same total again",
      { from: "partially_refunded", to: "partially_refunded", refundedBefore: 10_000, refundedAfter: 10_000 },
      null,
    ],
  ];
  it.each(cases)("%s", (_name, move, expected) => {
    expect(orderEmailDue(move)).toEqual(expected);
  });
});

describe("order email text", () => {
  const order = {
    reference: "NC-7K3M9Q2D",
    currency: "EGP",
    totalMinor: 171_000,
    refundedMinor: 0,
    firstName: "Mona",
    lines: [
      { name: "Scarf", quantity: 2, lineTotalMinor: 71_000 },
      { name: "Mug", quantity: 1, lineTotalMinor: 100_000 },
    ],
  };
  const options = { appUrl: "https://shop.example.com/", storeName: "Nile & Co.", amountMinor: null };

  it("links to the order from the configured origin", () => {
    expect(orderLink("https://shop.example.com", "NC-7K3M9Q2D")).toBe(
      "https://shop.example.com/account/orders/NC-7K3M9Q2D",
    );
  });

  it("confirms with every line and the total as money", () => {
    const email = orderEmailText("order_confirmed", order, options);
    expect(email.subject).toBe("Order NC-7K3M9Q2D confirmed");
    expect(email.text).toContain(`2 × Scarf — ${formatMoney(71_000, "EGP")}`);
    expect(email.text).toContain(`Total: ${formatMoney(171_000, "EGP")}`);
    expect(email.text).toContain("https://shop.example.com/account/orders/NC-7K3M9Q2D");
    expect(email.text).not.toContain("171000");
  });

  it("says how much was refunded, and how much so far", () => {
    const email = orderEmailText(
      "refund_issued",
      { ...order, refundedMinor: 171_000 },
      { ...options, amountMinor: 100_000 },
    );
    expect(email.subject).toBe("Refund issued for order NC-7K3M9Q2D");
    expect(email.text).toContain(`We refunded ${formatMoney(100_000, "EGP")} for order NC-7K3M9Q2D (the whole order)`);
    expect(email.text).toContain(`Refunded so far: ${formatMoney(171_000, "EGP")} of ${formatMoney(171_000, "EGP")}`);
  });

  it("backs off from a minute to at most six hours", () => {
    expect([1, 2, 3, 20].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 6 * 3_600_000]);
  });
});
