import { isPaymobRegion, PAYMOB_REGIONS, type PaymobRegion } from "./paymob/regions";

type Env = Record<string, string | undefined>;

/** Store-wide settings that are safe anywhere (no secrets). */
export const STORE_NAME = "Nile & Co.";

/** PAYMOB_REGION, or Egypt; an unknown region is the Paymob config's to report, and falls back to Egypt here. */
export function storeRegion(env: Env = process.env): PaymobRegion {
  const name = env.PAYMOB_REGION?.trim().toLowerCase() || "egypt";
  return isPaymobRegion(name) ? name : "egypt";
}

/** The region's clock (Africa/Cairo, Asia/Riyadh, …): the server's own zone is arbitrary; the store shows its own. */
export function storeTimeZone(env: Env = process.env): string {
  return PAYMOB_REGIONS[storeRegion(env)].timeZone;
}

/**
 * The catalog's currency: STORE_CURRENCY, or by default the currency of PAYMOB_REGION (EGP, SAR, AED, OMR), with
 * real keys and with the emulator alike. Paymob only charges a region's integrations in its own currency, so a
 * STORE_CURRENCY that disagrees with the region could never be paid and is refused here (at server start).
 */
export function storeCurrency(env: Env = process.env): string {
  const region = storeRegion(env);
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
