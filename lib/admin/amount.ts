import { currencyExponent } from "@/lib/money";

/**
 * An Arabic keyboard types Arabic-Indic digits (٠-٩, U+0660–0669; Persian and Urdu layouts ۰-۹, U+06F0–06F9) and
 * the Arabic decimal and thousands separators (٫ U+066B, ٬ U+066C). They are the same number, so they read as
 * 0-9, "." and ",": an admin in Cairo or Riyadh need not switch layouts to refund 12٫50.
 */
export function latinDigits(input: string): string {
  return input
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, ".")
    .replace(/\u066c/g, ",");
}

/**
 * Reads an amount typed in major units ("12.5", "1,250.00") as integer minor units for `currency`, without
 * floating point: "0.1" + "0.2" style errors must never reach a refund. Returns null for anything that is not
 * a plain non-negative decimal with at most the currency's number of fraction digits (in Latin or Arabic-Indic digits).
 */
export function parseMajorAmount(input: string, currency: string): number | null {
  const digits = currencyExponent(currency);
  const text = latinDigits(input)
    .trim()
    .replace(/,(?=\d{3}(\D|$))/g, "");
  const match = /^(\d{1,12})(?:\.(\d*))?$/.exec(text);
  if (!match) return null;
  const [, whole = "0", fraction = ""] = match;
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}

/** The inverse, for pre-filling the amount field: 12345 EGP → "123.45". */
export function toMajorString(minor: number, currency: string): string {
  const digits = currencyExponent(currency);
  if (digits === 0) return String(minor);
  const padded = String(minor).padStart(digits + 1, "0");
  return `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}
