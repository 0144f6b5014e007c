import { localeTag, type StoreLocale } from "@/lib/locale";
import { formatMoney } from "@/lib/money";
import { PAYMOB_REGIONS, REGION_NAMES, type PaymobRegion } from "@/lib/paymob/regions";

// Prices and counts as a shopper in the store's region reads them: ar-EG and ar-SA write ١٢٣, ar-AE writes 123.
// Pure, so client components (the cart's lines) format the same way as the server's pages.

/**
 * The region a catalog currency belongs to. Each Paymob region charges in exactly one currency and the store's
 * currency is refused unless it is its region's (lib/store.ts storeCurrency), so the currency names the store's
 * region, also in the browser, where PAYMOB_REGION is not available. Egypt for a currency no region uses.
 */
export function regionOfCurrency(currency: string): PaymobRegion {
  return REGION_NAMES.find((region) => PAYMOB_REGIONS[region].currency === currency) ?? "egypt";
}

/** An amount in minor units as the shopper's locale writes it in the currency's region ("‏١٢٥٫٠٠ ج.م.‏"). */
export function formatPrice(amountMinor: number, currency: string, locale: StoreLocale): string {
  return formatMoney(amountMinor, currency, { locale, region: regionOfCurrency(currency) });
}

const counters = new Map<string, Intl.NumberFormat>();

/** A whole number with the digits the locale uses in the region (the same digits as its prices). */
export function formatCount(count: number, locale: StoreLocale, region: PaymobRegion): string {
  const tag = localeTag({ locale, region });
  let formatter = counters.get(tag);
  if (!formatter) {
    formatter = new Intl.NumberFormat(tag);
    counters.set(tag, formatter);
  }
  return formatter.format(count);
}
