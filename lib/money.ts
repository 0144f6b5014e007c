import { localeTag, type LocaleOptions } from "@/lib/locale";

const exponentCache = new Map<string, number>();

/** Digits after the decimal point for a currency: EGP 2, OMR 3, JPY 0 (from the runtime's ICU data). */
export function currencyExponent(currency: string): number {
  let digits = exponentCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    exponentCache.set(currency, digits);
  }
  return digits;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * An amount of integer minor units, shown with the currency's own exponent (OMR 350.000, EGP 350.00) in the
 * language and region asked for: English in Egypt ("EGP 350.00") unless told otherwise, Arabic as "‏٣٥٠٫٠٠ ج.م.‏" in
 * ar-EG. Arabic output carries the bidi marks Intl puts in (U+200F, U+061C) so it reads right inside any text.
 */
export function formatMoney(amountMinor: number, currency: string, options: LocaleOptions = {}): string {
  if (!Number.isSafeInteger(amountMinor)) throw new TypeError(`amountMinor must be an integer, got ${amountMinor}`);
  const locale = localeTag(options);
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, formatter);
  }
  return formatter.format(minorToDecimalString(amountMinor, currencyExponent(currency)));
}

/**
 * An amount as a plain decimal string in major units, for machine readers (schema.org offers, feeds): 35000 EGP
 * → "350.00", 12345 OMR → "12.345". Built from the digits, never through a float.
 */
export function decimalAmount(amountMinor: number, currency: string): string {
  if (!Number.isSafeInteger(amountMinor)) throw new TypeError(`amountMinor must be an integer, got ${amountMinor}`);
  return minorToDecimalString(amountMinor, currencyExponent(currency));
}

/**
 * "12345" minor units at exponent 2 → "123.45", built from digits rather than by dividing: above 2^53 / 100 a
 * float division rounds (9007199254740991 / 100 prints …409.90, not …409.91), and Intl formats decimal strings exactly.
 */
function minorToDecimalString(amountMinor: number, exponent: number): `${number}` {
  const digits = Math.abs(amountMinor)
    .toString()
    .padStart(exponent + 1, "0");
  const sign = amountMinor < 0 ? "-" : "";
  const decimal = exponent === 0 ? sign + digits : `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return decimal as `${number}`;
}

/** Multiplies a unit price by a quantity, refusing anything that is not an exact safe integer. */
export function lineTotal(unitPriceMinor: number, quantity: number): number {
  const total = unitPriceMinor * quantity;
  const valid =
    Number.isSafeInteger(unitPriceMinor) && Number.isSafeInteger(quantity) && Number.isSafeInteger(total) && total >= 0;
  if (!valid) throw new RangeError(`Invalid line total ${unitPriceMinor} × ${quantity}`);
  return total;
}

export function sumMinor(amounts: readonly number[]): number {
  return amounts.reduce((sum, n) => {
    const next = sum + n;
    if (!Number.isSafeInteger(next)) throw new RangeError("Money total overflow");
    return next;
  }, 0);
}
