import { describe, expect, it } from "vitest";
import { localeTag, type DigitSetting, type StoreLocale } from "@/lib/locale";
import { currencyExponent, formatMoney } from "@/lib/money";
import { PAYMOB_REGIONS, REGION_NAMES, type PaymobRegion } from "@/lib/paymob/regions";

// Amounts in the store's two languages and four regions. The expectations are what Node's ICU (78, CLDR 48)
// produces, checked rather than assumed: Arabic-Indic digits are the CLDR default for ar-EG, ar-SA and ar-OM, Latin
// for ar-AE. Intl wraps Arabic amounts in bidi marks (U+200F, U+200E, U+061C) so they sit right inside any text;
// `show` drops them and turns the no-break space into a plain one so the tables read easily. `raw` keeps them.

const show = (s: string) => s.replace(/[\u200e\u200f\u061c]/g, "").replace(/\u00a0/g, " ");
const money = (amount: number, currency: string, locale: StoreLocale, region: PaymobRegion, digits?: DigitSetting) =>
  show(formatMoney(amount, currency, { locale, region, digits }));

/** Which digits a string is written in. */
function digitsOf(s: string): "latn" | "arab" | "mixed" | "none" {
  const latin = /[0-9]/.test(s);
  const arabic = /[\u0660-\u0669]/.test(s);
  return latin && arabic ? "mixed" : latin ? "latn" : arabic ? "arab" : "none";
}

describe("locale tags", () => {
  it.each([
    ["en", "egypt", "locale", "en-EG"],
    ["ar", "egypt", "locale", "ar-EG"],
    ["ar", "ksa", "locale", "ar-SA"],
    ["ar", "uae", "locale", "ar-AE"],
    ["ar", "oman", "locale", "ar-OM"],
    ["en", "oman", "locale", "en-OM"],
    ["ar", "uae", "arab", "ar-AE-u-nu-arab"],
    ["ar", "egypt", "latn", "ar-EG-u-nu-latn"],
  ] as const)("%s in %s with %s digits is %s", (locale, region, digits, tag) => {
    expect(localeTag({ locale, region, digits })).toBe(tag);
  });

  it("defaults to English in Egypt, the locale every amount was formatted in before", () => {
    expect(localeTag()).toBe("en-EG");
  });
});

describe("what this Node's ICU uses by default for each Arabic region", () => {
  // If an ICU upgrade changes a default, this says which one before the amount tables below fail.
  it.each([
    ["ar-EG", "arab"],
    ["ar-SA", "arab"],
    ["ar-AE", "latn"],
    ["ar-OM", "arab"],
    ["en-EG", "latn"],
  ])("%s → %s", (tag, numberingSystem) => {
    expect(new Intl.NumberFormat(tag).resolvedOptions().numberingSystem).toBe(numberingSystem);
  });

  it("digits: 'locale' writes exactly the digits Intl's default numbering system has, for every region", () => {
    for (const region of REGION_NAMES) {
      const tag = localeTag({ locale: "ar", region });
      expect(digitsOf(formatMoney(35_000, PAYMOB_REGIONS[region].currency, { locale: "ar", region }))).toBe(
        new Intl.NumberFormat(tag).resolvedOptions().numberingSystem,
      );
    }
  });
});

describe("formatMoney per locale and region", () => {
  it("keeps its English output for callers that pass no options", () => {
    expect(show(formatMoney(35_000, "EGP"))).toBe("EGP 350.00");
    expect(formatMoney(350_000, "OMR")).toBe(formatMoney(350_000, "OMR", { locale: "en", region: "egypt" }));
  });

  it.each([
    ["en", "locale", "OMR 350.000"],
    ["en", "latn", "OMR 350.000"],
    ["en", "arab", "٣٥٠٫٠٠٠ OMR"], // Intl's English pattern with Arabic-Indic digits puts the code after
    ["ar", "locale", "٣٥٠٫٠٠٠ ر.ع."],
    ["ar", "latn", "350.000 ر.ع."],
    ["ar", "arab", "٣٥٠٫٠٠٠ ر.ع."],
  ] as const)("OMR 350.000 (350000 baisa) in %s with %s digits → %s", (locale, digits, expected) => {
    expect(money(350_000, "OMR", locale, "oman", digits)).toBe(expected);
  });

  it.each([
    [35_000, "SAR", "ksa", "SAR 350.00", "٣٥٠٫٠٠ ر.س."],
    [35_000, "AED", "uae", "AED 350.00", "350.00 د.إ."], // ar-AE writes Latin digits by default
    [35_000, "EGP", "egypt", "EGP 350.00", "٣٥٠٫٠٠ ج.م."],
    [0, "SAR", "ksa", "SAR 0.00", "٠٫٠٠ ر.س."],
    [0, "AED", "uae", "AED 0.00", "0.00 د.إ."],
    [0, "OMR", "oman", "OMR 0.000", "٠٫٠٠٠ ر.ع."],
    [-250, "EGP", "egypt", "-EGP 2.50", "-٢٫٥٠ ج.م."], // a refund
    [-350_000, "OMR", "oman", "-OMR 350.000", "-٣٥٠٫٠٠٠ ر.ع."],
    [-1, "SAR", "ksa", "-SAR 0.01", "-٠٫٠١ ر.س."],
    [123_456_789, "AED", "uae", "AED 1,234,567.89", "1,234,567.89 د.إ."],
    [123_456_789, "SAR", "ksa", "SAR 1,234,567.89", "١٬٢٣٤٬٥٦٧٫٨٩ ر.س."],
    [Number.MAX_SAFE_INTEGER, "OMR", "oman", "OMR 9,007,199,254,740.991", "٩٬٠٠٧٬١٩٩٬٢٥٤٬٧٤٠٫٩٩١ ر.ع."],
    [Number.MAX_SAFE_INTEGER, "EGP", "egypt", "EGP 90,071,992,547,409.91", "٩٠٬٠٧١٬٩٩٢٬٥٤٧٬٤٠٩٫٩١ ج.م."],
  ] as const)("%i minor units of %s in %s → en %s, ar %s", (amount, currency, region, en, ar) => {
    expect(money(amount, currency, "en", region)).toBe(en);
    expect(money(amount, currency, "ar", region)).toBe(ar);
  });

  it.each([
    ["egypt", "EGP", "350.00 ج.م.", "٣٥٠٫٠٠ ج.م."],
    ["ksa", "SAR", "350.00 ر.س.", "٣٥٠٫٠٠ ر.س."],
    ["uae", "AED", "350.00 د.إ.", "٣٥٠٫٠٠ د.إ."],
    ["oman", "OMR", "35.000 ر.ع.", "٣٥٫٠٠٠ ر.ع."],
  ] as const)("in %s (%s) the digit setting overrides the locale either way", (region, currency, latn, arab) => {
    expect(money(35_000, currency, "ar", region, "latn")).toBe(latn);
    expect(money(35_000, currency, "ar", region, "arab")).toBe(arab);
  });

  it("keeps Intl's bidi marks in Arabic, so a refund's minus stays on the number inside right-to-left text", () => {
    expect(formatMoney(35_000, "EGP", { locale: "ar" })).toBe("\u200f٣٥٠٫٠٠\u00a0ج.م.\u200f");
    expect(formatMoney(-250, "EGP", { locale: "ar" })).toBe("\u061c-\u200f٢٫٥٠\u00a0ج.م.\u200f");
    expect(formatMoney(-250, "EGP", { locale: "ar", digits: "latn" })).toBe("\u200f\u200e-2.50\u00a0ج.م.\u200f");
  });

  it("shows each region's currency with its own exponent in both languages and both digit systems", () => {
    const decimals = (s: string) => show(s).match(/[.٫]([0-9٠-٩]+)/)?.[1]?.length;
    for (const region of REGION_NAMES) {
      const { currency } = PAYMOB_REGIONS[region];
      expect(currencyExponent(currency)).toBe(currency === "OMR" ? 3 : 2);
      for (const locale of ["en", "ar"] as const)
        for (const digits of ["latn", "arab"] as const)
          expect(decimals(formatMoney(123_456, currency, { locale, region, digits }))).toBe(currencyExponent(currency));
    }
  });

  it("round-trips the minor units in Arabic-Indic digits too: the digits shown are the amount, in order", () => {
    const latin = (s: string) => s.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660));
    for (const amount of [0, 7, 350_000, 1_234_567_891, Number.MAX_SAFE_INTEGER])
      for (const region of REGION_NAMES) {
        const shown = formatMoney(amount, PAYMOB_REGIONS[region].currency, { locale: "ar", region, digits: "arab" });
        expect(digitsOf(shown)).toBe("arab");
        expect(BigInt(latin(shown).replace(/\D/g, ""))).toBe(BigInt(amount));
      }
  });
});
