import { isPaymobRegion, PAYMOB_REGIONS } from "./paymob/regions";

/** Store-wide settings that are safe anywhere (no secrets). */
export const STORE_NAME = "Nile & Co.";
/** Dates are rendered on the server, whose clock zone is arbitrary; the store shows its own. */
export const STORE_TIME_ZONE = "Africa/Cairo";

/**
 * The catalog's currency: STORE_CURRENCY, or by default the currency of PAYMOB_REGION (EGP, SAR, AED, OMR), with
 * real keys and with the emulator alike. Paymob only charges a region's integrations in its own currency, so a
 * STORE_CURRENCY that disagrees with the region could never be paid and is refused here (at server start).
 */
export function storeCurrency(env: Record<string, string | undefined> = process.env): string {
  const regionName = env.PAYMOB_REGION?.trim().toLowerCase() || "egypt";
  // An unknown region is the Paymob config's to report; the currency then falls back to Egypt's.
  const region = isPaymobRegion(regionName) ? regionName : "egypt";
  const regionCurrency = PAYMOB_REGIONS[region].currency;
  const value = (env.STORE_CURRENCY?.trim() || regionCurrency).toUpperCase();
  if (!/^[A-Z]{3}$/.test(value))
    throw new Error(`STORE_CURRENCY must be a 3-letter ISO code like EGP (got "${value}").`);
  if (value !== regionCurrency)
    throw new Error(
      `STORE_CURRENCY is ${value} but Paymob's ${PAYMOB_REGIONS[region].label} region (PAYMOB_REGION=${region}) charges in ${regionCurrency}; remove STORE_CURRENCY or set it to ${regionCurrency}.`,
    );
  return value;
}
