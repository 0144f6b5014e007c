import { PAYMOB_REGIONS, type PaymobRegion } from "@/lib/paymob/regions";

// The store speaks English or Arabic in one of Paymob's four regions; a language and a region make the BCP 47 tag
// Intl formats with (ar-EG, en-AE, …). Pure and free of process.env so client components can format too: the
// server reads the store's region (lib/store.ts) and passes it down. The digits are an option, not yet a setting:
// the Arabic pages that would read one do not exist yet.

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
  /** Default `locale`. */
  digits?: DigitSetting;
};

/** "ar-SA", or "ar-SA-u-nu-latn" when the digits are forced (the Unicode extension Intl reads them from). */
export function localeTag({ locale = "en", region = "egypt", digits = "locale" }: LocaleOptions = {}): string {
  return withDigits(`${locale}-${PAYMOB_REGIONS[region].country}`, digits);
}

export function withDigits(tag: string, digits: DigitSetting = "locale"): string {
  return digits === "locale" ? tag : `${tag}-u-nu-${digits}`;
}
