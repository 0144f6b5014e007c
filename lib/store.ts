/** Store-wide settings that are safe anywhere (no secrets). */
export const STORE_NAME = "Nile & Co.";
/** Dates are rendered on the server, whose clock zone is arbitrary; the store shows its own. */
export const STORE_TIME_ZONE = "Africa/Cairo";

export function storeCurrency(env: Record<string, string | undefined> = process.env): string {
  const value = (env.STORE_CURRENCY ?? "EGP").trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(value))
    throw new Error(`STORE_CURRENCY must be a 3-letter ISO code like EGP (got "${value}").`);
  return value;
}
