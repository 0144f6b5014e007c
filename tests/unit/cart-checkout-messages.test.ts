import { createTranslator } from "next-intl";
import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { cartErrorText } from "@/components/cart/cart-error";
import { QuantityControl } from "@/components/cart/quantity-control";
import { checkoutErrorText, fieldErrorText } from "@/components/checkout/checkout-error";
import { OrderStatusCard } from "@/components/checkout/order-status-card";
import { ORDER_STATUSES } from "@/db/schema/orders";
import { CART_INPUT_ISSUES, type CartError } from "@/lib/cart/types";
import { CHECKOUT_ERROR_CODES, paymobFailure, type CheckoutError } from "@/lib/checkout/errors";
import { COUNTRY_CODES } from "@/lib/checkout/start/country-codes";
import { countryOptions, regionCountry } from "@/lib/checkout/start/country-options";
import { COUNTRIES } from "@/lib/checkout/start/countries";
import { FIELD_ERROR_CODES, type BillingField } from "@/lib/checkout/start/form";
import { MESSAGES } from "@/lib/i18n/messages";
import type { AppLocale } from "@/lib/i18n/routing";
import type { PaymobErrorCode } from "@/lib/paymob/errors";
import { REGION_NAMES } from "@/lib/paymob/regions";
import { renderWithIntl } from "@/tests/helpers/intl";

// lib/cart and lib/checkout answer with codes; these are the sentences shoppers read for them, in both languages.

// The form's server action needs a request context; rendering only needs something to point at.
vi.mock("@/app/checkout/actions", () => ({ checkout: async () => ({}) }));
const { CheckoutForm } = await import("@/components/checkout/checkout-form");

const LOCALES: AppLocale[] = ["en", "ar"];
const ARABIC_LETTER = /[\u0600-\u06FF]/;
// Latin words an Arabic sentence may keep: the provider's and integration names, the examples shoppers copy.
const ALLOWED_LATIN = /Paymob|Pixel|Embedded|Hosted|checkout|redirect|you@example\.com|[A-Z]{3}/g;

function translators(locale: AppLocale) {
  const messages = MESSAGES[locale];
  // Throws on a missing key or argument instead of printing the key: a gap fails the test.
  const onError = (error: unknown) => {
    throw error;
  };
  return {
    cart: createTranslator({ locale, messages, namespace: "cart", onError }),
    checkout: createTranslator({ locale, messages, namespace: "checkout", onError }),
  };
}

function expectSentence(text: string, locale: AppLocale) {
  expect(text.trim()).not.toBe("");
  expect(text).not.toMatch(/[{}]|errors\.|fieldErrors\./);
  if (locale === "ar") {
    expect(text).toMatch(ARABIC_LETTER);
    expect(text.replace(ALLOWED_LATIN, "")).not.toMatch(/[A-Za-z]{2,}/);
  }
}

const CART_ERRORS: CartError[] = [
  ...CART_INPUT_ISSUES.map((issue) => ({ code: "invalid_input" as const, issue })),
  { code: "product_unavailable", currency: "SAR" },
  { code: "product_not_found" },
  { code: "not_in_cart" },
  { code: "server_error" },
];

const CHECKOUT_ERRORS: CheckoutError[] = CHECKOUT_ERROR_CODES.map((code) =>
  code === "rate_limited" ? { code, retryAfterSeconds: 600 } : { code },
);

const FIELDS = Object.keys(MESSAGES.en.checkout.fields) as BillingField[];

describe.each(LOCALES)("cart and checkout messages in %s", (locale) => {
  const t = translators(locale);

  it.each(CART_ERRORS)("cart error %j has a sentence", (error) => {
    expectSentence(cartErrorText(t.cart, error), locale);
  });

  it.each(CHECKOUT_ERRORS)("checkout error %j has a sentence", (error) => {
    expectSentence(checkoutErrorText(t.checkout, error), locale);
  });

  it.each(FIELD_ERROR_CODES)("field error %s has a sentence for every field", (code) => {
    for (const field of FIELDS) expectSentence(fieldErrorText(t.checkout, field, { code, max: 50 }, "ksa"), locale);
  });

  it("has a status, its meaning and the next step for every order status", () => {
    for (const status of ORDER_STATUSES)
      for (const part of ["label", "meaning", "next"] as const)
        expectSentence(t.checkout(`status.${status}.${part}`), locale);
  });
});

describe("English keeps the store's sentences", () => {
  const t = translators("en");

  it.each([
    [{ code: "not_in_cart" }, "That item is no longer in your cart."],
    [{ code: "invalid_input", issue: "quantity_max" }, "Quantity can be at most 99."],
    [{ code: "product_unavailable", currency: "EGP" }, "That product can't be bought in EGP."],
  ] satisfies [CartError, string][])("%j", (error, text) => {
    expect(cartErrorText(t.cart, error)).toBe(text);
  });

  it.each([
    [1, "Please try again in a second."],
    [40, "Please try again in 40 seconds."],
    [60, "Please try again in a minute."],
    [600, "Please try again in 10 minutes."],
    [601, "Please try again in 11 minutes."],
  ])("rate limited for %i s: %s", (retryAfterSeconds, ending) => {
    expect(checkoutErrorText(t.checkout, { code: "rate_limited", retryAfterSeconds })).toMatch(
      new RegExp(`^Too many payments were started.*${ending.replace(/\./g, "\\.")}$`),
    );
  });

  it("names the field and its limit", () => {
    expect(fieldErrorText(t.checkout, "firstName", { code: "required" }, "egypt")).toBe("Enter your first name.");
    expect(fieldErrorText(t.checkout, "city", { code: "too_long", max: 60 }, "egypt")).toBe(
      "Your city must be at most 60 characters.",
    );
    expect(fieldErrorText(t.checkout, "phone", { code: "phone" }, "egypt")).toBe(
      "Enter a phone number with 7 to 15 digits, like +201012345678.",
    );
  });
});

describe("Arabic", () => {
  const t = translators("ar");

  it("counts items with Arabic's plural forms", () => {
    // Numbers in messages follow next-intl's locale ("ar"), whose digits are the runtime's CLDR default.
    const n = new Intl.NumberFormat("ar").format;
    expect([0, 1, 2, 3, 11, 100].map((count) => t.cart("itemCount", { count }))).toEqual([
      "لا منتجات",
      "منتج واحد",
      "منتجان",
      `${n(3)} منتجات`,
      `${n(11)} منتجًا`,
      `${n(100)} منتج`,
    ]);
    expect(t.cart("add.added", { product: "كوب أسوان", count: 2 })).toBe(
      "أضفنا كوب أسوان إلى سلتك. في سلتك الآن منتجان.",
    );
  });

  it("waits in minutes and seconds with their plural forms", () => {
    const wait = (retryAfterSeconds: number) =>
      checkoutErrorText(t.checkout, { code: "rate_limited", retryAfterSeconds }).split("بعد ")[1];
    const n = new Intl.NumberFormat("ar").format;
    expect([1, 2, 5, 45, 60, 120, 600].map(wait)).toEqual([
      "ثانية.",
      "ثانيتين.",
      `${n(5)} ثوانٍ.`,
      `${n(45)} ثانية.`,
      "دقيقة.",
      "دقيقتين.",
      `${n(10)} دقائق.`,
    ]);
  });

  it("keeps the Latin examples left to right inside the sentence (LRI … PDI)", () => {
    expect(fieldErrorText(t.checkout, "phone", { code: "phone" }, "ksa")).toContain("\u2066+966512345678\u2069");
    expect(fieldErrorText(t.checkout, "email", { code: "email" }, "egypt")).toContain("\u2066you@example.com\u2069");
  });

  it("shows the order reference left to right and the status in Arabic", () => {
    const html = renderWithIntl(createElement(OrderStatusCard, { status: "paid", reference: "NC-7K2M9QXA" }), "ar");
    expect(html).toMatch(/الطلب <bdi dir="ltr"[^>]*data-testid="order-reference"[^>]*>NC-7K2M9QXA<\/bdi>/);
    expect(html).toContain("تم الدفع");
  });

  it("renders the checkout form in Arabic: Latin inputs left to right, countries and money in Arabic", () => {
    const html = renderWithIntl(
      createElement(CheckoutForm, {
        checkoutKey: "k",
        defaultMode: "redirect",
        defaults: { country: "Saudi Arabia" },
        total: { amountMinor: 171_000, currency: "SAR" },
        region: "ksa",
        countries: countryOptions("ar"),
      }),
      "ar",
    );
    const input = (name: string) => new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0];
    expect(input("email")).toContain('dir="ltr"');
    expect(input("phone")).toContain('dir="ltr"');
    expect(input("firstName")).not.toContain("dir=");
    expect(html).toMatch(/<option value="Saudi Arabia" selected="">المملكة العربية السعودية<\/option>/);
    const pay = /<button type="submit"[^>]*>([^<]*)<\/button>/.exec(html)?.[1];
    expect(pay).toBe(`ادفع ${new Intl.NumberFormat("ar-SA", { style: "currency", currency: "SAR" }).format(1710)}`);
    expect(html).not.toMatch(/>[^<]*\b(Pay|Email|Phone|Country|optional)\b[^<]*</);
  });

  it("keeps the stepper's DOM order − select +, which the row mirrors in a right-to-left page", () => {
    const html = renderWithIntl(createElement(QuantityControl, { name: "كوب", quantity: 2, onChange: () => {} }), "ar");
    const labels = [...html.matchAll(/aria-label="([^"]+)"/g)].map((m) => m[1]);
    expect(labels).toEqual(["إنقاص كمية كوب", "كمية كوب", "زيادة كمية كوب"]);
  });
});

/** The argument names of an ICU message, plural and select branches included ("{count, plural, one {# item}}" → count). */
function icuArguments(message: string): string[] {
  const names = new Set<string>();
  let i = 0;
  const text = (inBranch: boolean) => {
    while (i < message.length) {
      if (message[i] === "}" && inBranch) return;
      if (message[i++] === "{") argument();
    }
  };
  const argument = () => {
    const head = /^\s*(\w+)\s*(?:,\s*(\w+)\s*,?)?/.exec(message.slice(i))!;
    names.add(head[1]!);
    i += head[0].length;
    if (head[2] === "plural" || head[2] === "select" || head[2] === "selectordinal") {
      for (let branch; (branch = /^\s*=?\w+\s*\{/.exec(message.slice(i))); i++) {
        i += branch[0].length;
        text(true);
      }
    }
    i = message.indexOf("}", i) + 1;
  };
  text(false);
  return [...names].sort();
}

describe("the message files", () => {
  function shape(value: unknown, prefix = ""): string[] {
    if (typeof value === "string") return [`${prefix}(${icuArguments(value).join(",")})`];
    return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => shape(child, `${prefix}.${key}`));
  }

  it.each(["cart", "checkout"] as const)("%s has the same keys and arguments in Arabic and English", (ns) => {
    expect(shape(MESSAGES.ar[ns])).toEqual(shape(MESSAGES.en[ns]));
  });

  it("every Arabic item count has all six plural forms", () => {
    const counts = JSON.stringify(MESSAGES.ar.cart).match(/count, plural, [^"]*/g) ?? [];
    expect(counts.length).toBeGreaterThan(3);
    for (const count of counts)
      for (const form of ["zero", "one", "two", "few", "many", "other"]) expect(count).toContain(`${form} {`);
  });
});

describe("Paymob failures", () => {
  it.each([
    ["config", "payment_unavailable"],
    ["invalid_input", "order_not_payable"],
    ["unmatched_item_prices", "order_not_payable"],
    ["validation", "details_rejected"],
    ["timeout", "provider_unreachable"],
    ["unauthorized", "provider_unreachable"],
  ] satisfies [PaymobErrorCode, string][])("%s → %s", (paymob, code) => {
    expect(paymobFailure(paymob)).toEqual({ code });
  });
});

describe("the billing country list", () => {
  it("has a distinct ISO code for every country", () => {
    expect(Object.keys(COUNTRY_CODES).sort()).toEqual([...COUNTRIES].sort());
    expect(new Set(Object.values(COUNTRY_CODES)).size).toBe(COUNTRIES.length);
  });

  it("keeps the store's English names and order in English", () => {
    expect(countryOptions("en").map((o) => o.label)).toEqual([...COUNTRIES]);
  });

  it("names every country in Arabic, sorted as Arabic sorts, with the English name as the value", () => {
    const options = countryOptions("ar");
    expect(options.map((o) => o.value).sort()).toEqual([...COUNTRIES].sort());
    for (const option of options) expect(option.label).toMatch(ARABIC_LETTER);
    expect(options.find((o) => o.value === "Egypt")?.label).toBe("مصر");
    expect(options.find((o) => o.value === "Saudi Arabia")?.label).toBe("المملكة العربية السعودية");
    const labels = options.map((o) => o.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator("ar").compare));
  });

  it("starts on the store's own country", () => {
    expect(REGION_NAMES.map(regionCountry)).toEqual(["Egypt", "Saudi Arabia", "United Arab Emirates", "Oman"]);
  });
});
