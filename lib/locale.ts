import { PAYMOB_REGIONS, type PaymobRegion } from "@/lib/paymob/regions";

// The store speaks English or Arabic in one of Paymob's four regions; a language and a region make the BCP 47 tag
// Intl formats with (ar-EG, en-AE, …). Client components format too: the server reads the store's region
// (lib/store.ts) and passes it down; the Arabic digits are NEXT_PUBLIC_ARABIC_DIGITS, a public build-time setting
// (read here, and validated at server start by lib/env.ts), so the browser writes the same digits as the server.

export type StoreLocale = "en" | "ar";

/**
 * Which digits numbers are written in: `locale` follows the locale's CLDR default (Node's ICU 78: Arabic-Indic
 * for ar-EG, ar-SA and ar-OM, Latin for ar-AE and English), `latn` forces 0-9, `arab` forces ٠-٩.
 */
export type DigitSetting = "locale" | "latn" | "arab";

export type LocaleOptions = {
  /** Default `en`. */
  locale?: StoreLocale;
  /** Default `egypt`, what every amount was formatted as before regions had their own locale. */
  region?: PaymobRegion;
  /** Default: NEXT_PUBLIC_ARABIC_DIGITS for Arabic, the locale's own for English. */
  digits?: DigitSetting;
};

const ARABIC_DIGITS: Record<string, DigitSetting> = { "": "locale", latin: "latn", "arabic-indic": "arab" };

/**
 * NEXT_PUBLIC_ARABIC_DIGITS: which digits the Arabic pages, emails and Pixel write. Unset follows the region's
 * convention (٠-٩ in Egypt, Saudi Arabia and Oman, 0-9 in the UAE); `latin` or `arabic-indic` force one. English
 * always writes 0-9. Throws on any other value, for the start-up check; formatting falls back to the convention.
 */
export function arabicDigits(value: string | undefined = process.env.NEXT_PUBLIC_ARABIC_DIGITS): DigitSetting {
  const key = value?.trim().toLowerCase() ?? "";
  const setting = Object.hasOwn(ARABIC_DIGITS, key) ? ARABIC_DIGITS[key] : undefined;
  if (!setting)
    throw new Error(
      `NEXT_PUBLIC_ARABIC_DIGITS must be "latin" or "arabic-indic", or unset for the region's own digits (got "${value}").`,
    );
  return setting;
}

/** The configured digits for a language, never throwing (a bad setting is reported at server start). */
export function digitsFor(locale: StoreLocale): DigitSetting {
  if (locale !== "ar") return "locale";
  try {
    return arabicDigits();
  } catch {
    return "locale";
  }
}

/** "ar-SA", or "ar-SA-u-nu-latn" when the digits are forced (the Unicode extension Intl reads them from). */
export function localeTag({ locale = "en", region = "egypt", digits = digitsFor(locale) }: LocaleOptions = {}): string {
  return withDigits(`${locale}-${PAYMOB_REGIONS[region].country}`, digits);
}

/** The numbering system Intl writes numbers in for a language in a region: "arab" or "latn". */
export function numberingSystem(options: LocaleOptions): string {
  return new Intl.NumberFormat(localeTag(options)).resolvedOptions().numberingSystem;
}

export function withDigits(tag: string, digits: DigitSetting = "locale"): string {
  return digits === "locale" ? tag : `${tag}-u-nu-${digits}`;
}
