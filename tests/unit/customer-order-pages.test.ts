import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { PaymentDetails, paymentDetailsOpen } from "@/components/orders/payment-details";
import { PayModePicker } from "@/components/checkout/pay-mode-picker";
import { countryOptions } from "@/lib/checkout/start/country-options";
import { formatAmountsIn } from "@/lib/orders/timeline";
import { renderWithIntl } from "@/tests/helpers/intl";
import { envProblems } from "@/lib/env";
import { DEFAULT_SUPPORT_EMAIL, storeSupportEmail } from "@/lib/support-contact";
import { renderIn } from "../helpers/i18n";

type DetailsProps = Parameters<typeof PaymentDetails>[0];

// The customer's pages: the payment story folded away unless this is the demo or staff, amounts as money,
// the pay choice in shoppers' words, and the Pay button naming the total.

// The form's server action needs a request context; rendering only needs something to point at.
vi.mock("@/app/checkout/actions", () => ({ checkout: async () => ({}) }));
const { CheckoutForm } = await import("@/components/checkout/checkout-form");

const details = (open: boolean) => renderIn("en", createElement(PaymentDetails, { open } as DetailsProps, "timeline"));

describe("Payment details", () => {
  it.each([
    { emulator: true, admin: false, open: true },
    { emulator: false, admin: true, open: true },
    { emulator: true, admin: true, open: true },
    { emulator: false, admin: false, open: false },
  ])("emulator $emulator, admin $admin: open $open", ({ emulator, admin, open }) => {
    expect(paymentDetailsOpen({ emulator, admin })).toBe(open);
  });

  it("is a native <details> titled Payment details, collapsed for a customer on real Paymob", () => {
    const closed = details(false);
    expect(closed).toMatch(/^<details(?![^>]*\sopen)[^>]*>/);
    expect(closed).toMatch(/<summary[^>]*>.*Payment details/);
    const open = details(true);
    expect(open).toMatch(/^<details[^>]*\sopen=""/);
  });
});

describe("formatAmountsIn", () => {
  it.each([
    [
      "refund via parent, total 35000 (full) (Approved)",
      "EGP",
      "refund via parent, total EGP 350.00 (full) (Approved)",
    ],
    ["mismatch: amount 30000 ≠ 35000", "EGP", "mismatch: amount EGP 300.00 ≠ EGP 350.00"],
    ["refund via child, total 1500", "OMR", "refund via child, total OMR 1.500"],
    ["paid (Approved)", "EGP", "paid (Approved)"],
    ["card token 77 (MasterCard 2346), totally fine", "EGP", "card token 77 (MasterCard 2346), totally fine"],
  ])("%s", (text, currency, expected) => {
    expect(formatAmountsIn(text, currency).replaceAll("\u00a0", " ")).toBe(expected);
  });
});

describe("checkout", () => {
  const html = renderWithIntl(
    createElement(CheckoutForm, {
      checkoutKey: "k",
      defaultMode: "redirect",
      defaults: {},
      total: { amountMinor: 171_000, currency: "EGP" },
      region: "egypt",
      countries: countryOptions("en"),
    }),
  ).replaceAll("\u00a0", " ");

  it("the Pay button names the server-priced total", () => {
    expect(html).toMatch(/<button type="submit"[^>]*>Pay EGP 1,710.00<\/button>/);
  });

  it("offers the pay choices in shoppers' words, the integration names only in a hint", () => {
    const picker = renderWithIntl(createElement(PayModePicker, { defaultMode: "pixel" }));
    const labels = [...picker.matchAll(/<label[^>]*>(.*?)<\/label>/g)].map((m) =>
      (m[1] ?? "").replace(/<[^>]+>/g, "|"),
    );
    expect(labels).toHaveLength(2);
    expect(labels[0]).toMatch(/^\|+Pay here\|+Enter your card on this site/);
    expect(labels[1]).toMatch(/^\|+Pay on Paymob&#x27;s secure page\|+You go to Paymob/);
    expect(labels.join()).not.toMatch(/Pixel|redirect|Hosted/);
    expect(picker).toContain("Embedded (Pixel)");
    expect(picker).toContain("Hosted checkout (redirect)");
  });
});

describe("STORE_SUPPORT_EMAIL", () => {
  it("defaults to a placeholder and takes a real address", () => {
    expect(storeSupportEmail({})).toBe(DEFAULT_SUPPORT_EMAIL);
    expect(storeSupportEmail({ STORE_SUPPORT_EMAIL: " help@shop.example.com " })).toBe("help@shop.example.com");
  });

  it("stops the server at start when it is not an email address", () => {
    expect(envProblems({ STORE_SUPPORT_EMAIL: "call us" }).join("\n")).toMatch(/STORE_SUPPORT_EMAIL must be an email/);
    expect(envProblems({ STORE_SUPPORT_EMAIL: "help@shop.example.com" })).toEqual([]);
  });
});
