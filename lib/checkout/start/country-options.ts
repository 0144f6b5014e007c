import type { StoreLocale } from "@/lib/locale";
import { PAYMOB_REGIONS, type PaymobRegion } from "@/lib/paymob/regions";
import { COUNTRY_CODES } from "./country-codes";
import { COUNTRIES, type Country } from "./countries";
import { DEFAULT_COUNTRY } from "./defaults";

/** One entry of the billing country list: the value is the English name the order stores, the label what is shown. */
export type CountryOption = { value: Country; label: string };

const cache = new Map<StoreLocale, CountryOption[]>();

/**
 * The country list in the page's language, sorted as that language sorts. Built on the server and handed to the
 * form as a prop: browsers' ICU data name some countries differently from Node's, and a label computed on both
 * sides would not hydrate. English keeps the store's own names (they are the values).
 */
export function countryOptions(locale: StoreLocale): CountryOption[] {
  let options = cache.get(locale);
  if (!options) {
    if (locale === "en") {
      options = COUNTRIES.map((value) => ({ value, label: value }));
    } else {
      const names = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
      const collator = new Intl.Collator(locale);
      options = COUNTRIES.map((value) => ({ value, label: names.of(COUNTRY_CODES[value]) ?? value })).sort((a, b) =>
        collator.compare(a.label, b.label),
      );
    }
    cache.set(locale, options);
  }
  return options;
}

/** The store's own country (Saudi Arabia for the KSA region): the billing country most shoppers there pick. */
export function regionCountry(region: PaymobRegion): Country {
  const code = PAYMOB_REGIONS[region].country;
  return COUNTRIES.find((country) => COUNTRY_CODES[country] === code) ?? DEFAULT_COUNTRY;
}
