import {
  isArgumentElement,
  isPluralElement,
  isPoundElement,
  isSelectElement,
  isTagElement,
  parse,
  type MessageFormatElement,
} from "@formatjs/icu-messageformat-parser";
import { createTranslator } from "next-intl";
import { createElement } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { QuantityControl } from "@/components/cart/quantity-control";
import { envProblems } from "@/lib/env";
import { messageFormats } from "@/lib/i18n/formats";
import { MESSAGES } from "@/lib/i18n/messages";
import { routing, type AppLocale } from "@/lib/i18n/routing";
import { formatPrice } from "@/lib/catalog/locale-format";
import { arabicDigits, localeTag } from "@/lib/locale";
import { signInEmail } from "@/lib/mail/sign-in-email";
import type { PaymobRegion } from "@/lib/paymob/regions";
import { renderIn } from "../helpers/i18n";
import { leaves, type Tree } from "../helpers/message-tree";

// A number inside a message is written in the same digits as the prices beside it: Arabic-Indic on the Arabic pages
// of a store in Egypt, Saudi Arabia or Oman, Latin in the UAE, or what NEXT_PUBLIC_ARABIC_DIGITS forces. ICU's `#`
// and a bare {count} ignore every option and write Latin digits in "ar", so neither may appear.

/** Placeholders the callers fill with numbers (besides every plural's own argument). */
const NUMERIC = ["attempt", "bytes", "count", "hours", "min", "minutes", "number", "page", "pageCount", "quantity"];

function numberProblems(message: string): string[] {
  const problems: string[] = [];
  const plurals = new Set<string>();
  const collect = (nodes: MessageFormatElement[]) => {
    for (const node of nodes) {
      if (isPluralElement(node)) plurals.add(node.value);
      if (isTagElement(node)) collect(node.children);
      if (isPluralElement(node) || isSelectElement(node))
        for (const option of Object.values(node.options)) collect(option.value);
    }
  };
  const walk = (nodes: MessageFormatElement[]) => {
    for (const node of nodes) {
      if (isPoundElement(node)) problems.push("#");
      if (isArgumentElement(node) && (plurals.has(node.value) || NUMERIC.includes(node.value)))
        problems.push(`{${node.value}}`);
      if (isTagElement(node)) walk(node.children);
      if (isPluralElement(node) || isSelectElement(node))
        for (const option of Object.values(node.options)) walk(option.value);
    }
  };
  const ast = parse(message);
  collect(ast);
  walk(ast);
  return problems;
}

function cart(locale: AppLocale, region: PaymobRegion) {
  return createTranslator({
    locale,
    messages: MESSAGES[locale],
    namespace: "cart",
    formats: messageFormats(locale, region),
  });
}

afterEach(() => vi.unstubAllEnvs());

describe("numbers in messages", () => {
  it("no message writes a number with # or a bare placeholder", () => {
    const found = routing.locales.flatMap((locale) =>
      [...leaves(MESSAGES[locale] as unknown as Tree)].flatMap(([key, message]) =>
        numberProblems(message).map((p) => `${locale}:${key} ${p}`),
      ),
    );
    expect(found).toEqual([]);
  });

  it("the check sees both kinds", () => {
    expect(numberProblems("{count, plural, one {# item} other {# items}}")).toEqual(["#", "#"]);
    expect(numberProblems("Quantity {quantity}")).toEqual(["{quantity}"]);
    expect(numberProblems("{n, plural, other {{n} things}}")).toEqual(["{n}"]);
    expect(numberProblems("{count, plural, other {{count, number, whole} items}}")).toEqual([]);
  });

  it("writes counts in the digits of the prices beside them, per region", () => {
    expect(cart("ar", "egypt")("summary.subtotal", { count: 3 })).toContain("٣ منتجات");
    expect(cart("ar", "ksa")("announce.quantity", { product: "مج", quantity: 12, subtotal: "x" })).toContain("١٢");
    expect(cart("ar", "uae")("summary.subtotal", { count: 3 })).toContain("3 منتجات");
    expect(cart("en", "egypt")("summary.subtotal", { count: 1234 })).toContain("1,234 items");
    expect(formatPrice(12500, "EGP", "ar")).toMatch(/١٢٥/);
  });

  it("NEXT_PUBLIC_ARABIC_DIGITS forces Latin or Arabic-Indic digits in Arabic, for prices and messages alike", () => {
    vi.stubEnv("NEXT_PUBLIC_ARABIC_DIGITS", "latin");
    expect(cart("ar", "egypt")("summary.subtotal", { count: 3 })).toContain("3 منتجات");
    expect(formatPrice(12500, "EGP", "ar")).toMatch(/125\.00/);
    expect(localeTag({ locale: "ar", region: "egypt" })).toBe("ar-EG-u-nu-latn");

    vi.stubEnv("NEXT_PUBLIC_ARABIC_DIGITS", "arabic-indic");
    expect(cart("ar", "uae")("summary.subtotal", { count: 3 })).toContain("٣ منتجات");
    expect(formatPrice(12500, "AED", "ar")).toMatch(/١٢٥/);
    // English keeps its own digits whatever the Arabic setting.
    expect(cart("en", "uae")("summary.subtotal", { count: 3 })).toContain("3 items");
    expect(formatPrice(12500, "AED", "en")).toMatch(/125\.00/);
  });

  it("the cart's quantity menu writes its numbers the same way, and posts plain numbers", () => {
    const menu = (locale: AppLocale) =>
      renderIn(locale, createElement(QuantityControl, { name: "مج", quantity: 2, onChange: () => {} }));
    expect(menu("ar")).toContain('<option value="2" selected="">٢</option>');
    expect(menu("en")).toContain('<option value="2" selected="">2</option>');
  });

  it("emails count in the same digits", () => {
    const email = (region: PaymobRegion) =>
      signInEmail({
        to: "a@example.com",
        url: "https://shop.example/x",
        locale: "ar",
        storeName: "S",
        validMinutes: 15,
        region,
      }).text;
    expect(email("egypt")).toContain("١٥ دقيقة");
    expect(email("uae")).toContain("15 دقيقة");
  });

  it("refuses an unknown digits setting at start, in words", () => {
    expect(arabicDigits(undefined)).toBe("locale");
    expect(arabicDigits(" Latin ")).toBe("latn");
    expect(() => arabicDigits("hindi")).toThrow(/latin.*arabic-indic/);
    expect(() => arabicDigits("constructor")).toThrow(/NEXT_PUBLIC_ARABIC_DIGITS/);
    expect(envProblems({ NEXT_PUBLIC_ARABIC_DIGITS: "hindi" }).join("\n")).toMatch(/NEXT_PUBLIC_ARABIC_DIGITS/);
    expect(envProblems({}).join("\n")).not.toMatch(/NEXT_PUBLIC_ARABIC_DIGITS/);
  });
});
