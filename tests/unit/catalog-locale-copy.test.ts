import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { formatCount, formatPrice, regionOfCurrency } from "@/lib/catalog/locale-format";
import { MESSAGES } from "@/lib/i18n/messages";
import type { StoreLocale } from "@/lib/locale";
import type { PaymobRegion } from "@/lib/paymob/regions";

// The catalog's counts and prices in both languages: Arabic has six plural forms, and its digits follow the
// region (Arabic-Indic in Egypt, Saudi Arabia and Oman, Latin in the UAE, CLDR 48 as Node 20's ICU ships it).
// Bidi marks are dropped so the expectations read plainly.

const plain = (s: string) => s.replace(/[\u200e\u200f\u061c]/g, "").replace(/\u00a0/g, " ");

function countLine(locale: StoreLocale, count: number, region: PaymobRegion = "egypt"): string {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "catalog" });
  return t("count", { count, formatted: formatCount(count, locale, region) });
}

describe("product counts", () => {
  it.each([
    [0, "0 products"],
    [1, "1 product"],
    [2, "2 products"],
    [1200, "1,200 products"],
  ])("English: %i is %s", (count, text) => {
    expect(countLine("en", count)).toBe(text);
  });

  it.each([
    [0, "لا توجد منتجات"],
    [1, "منتج واحد"],
    [2, "منتجان"],
    [3, "٣ منتجات"],
    [10, "١٠ منتجات"],
    [11, "١١ منتجًا"],
    [99, "٩٩ منتجًا"],
    [100, "١٠٠ منتج"],
    [102, "١٠٢ منتج"],
    [103, "١٠٣ منتجات"],
  ])("Arabic in Egypt: %i is %s", (count, text) => {
    expect(countLine("ar", count)).toBe(text);
  });

  it("writes Latin digits in the UAE and Arabic-Indic ones in Saudi Arabia", () => {
    expect(countLine("ar", 14, "uae")).toBe("14 منتجًا");
    expect(countLine("ar", 14, "ksa")).toBe("١٤ منتجًا");
  });
});

describe("prices", () => {
  it("finds the store's region from its currency, also where PAYMOB_REGION cannot be read", () => {
    expect(["EGP", "SAR", "AED", "OMR", "USD"].map(regionOfCurrency)).toEqual(["egypt", "ksa", "uae", "oman", "egypt"]);
  });

  it.each([
    ["en", 35_000, "EGP", "EGP 350.00"],
    ["ar", 35_000, "EGP", "٣٥٠٫٠٠ ج.م."],
    ["ar", 12_500, "SAR", "١٢٥٫٠٠ ر.س."],
    ["ar", 12_500, "AED", "125.00 د.إ."],
    ["ar", 12_345, "OMR", "١٢٫٣٤٥ ر.ع."],
    ["en", 12_345, "OMR", "OMR 12.345"],
  ] as const)("%s: %i %s is %s", (locale, amount, currency, text) => {
    expect(plain(formatPrice(amount, currency, locale))).toBe(text);
  });
});

describe("catalog copy", () => {
  it("names the sort orders and the search in Arabic on Arabic pages", () => {
    const ar = createTranslator({ locale: "ar", messages: MESSAGES.ar, namespace: "catalog" });
    const en = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "catalog" });
    expect(en("sort.price-asc")).toBe("Price: low to high");
    expect(ar("sort.price-asc")).toBe("السعر: من الأقل إلى الأعلى");
    expect(en.markup("search.resultsFor", { query: "honey", q: (c) => c })).toBe("Results for “honey”");
    expect(ar.markup("search.resultsFor", { query: "عسل", q: (c) => c })).toBe("نتائج البحث عن «عسل»");
  });
});
