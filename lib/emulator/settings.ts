import {
  EMULATOR_KEYS,
  EMULATOR_MOTO_INTEGRATION,
  EMULATOR_REGION_INTEGRATIONS,
} from "@/lib/paymob/emulator-credentials";
import { PAYMOB_REGIONS, regionForKeyPrefix, REGION_NAMES, type PaymobRegion } from "@/lib/paymob/regions";

// Runtime switches of the emulator, read per request so tests (and a redeploy) can change them.
type Env = Record<string, string | undefined>;

/** Real keys switch the emulator off completely: it must never sit next to a live Paymob account. */
export function emulatorEnabled(env: Env = process.env): boolean {
  return !env.PAYMOB_SECRET_KEY?.trim();
}

/**
 * Paymob's item-sum check (406 unmatched_item_prices) is documented inconsistently: the Postman text says
 * "sum of items[].amount", its own example only balances if quantity is ignored, third-party code multiplies.
 * Default: the plain sum of `amount`; PAYMOB_EMULATOR_ITEM_SUM=amount_x_quantity switches to Σ amount×quantity.
 */
export type ItemSumRule = "sum" | "amount_x_quantity";
export function itemSumRule(env: Env = process.env): ItemSumRule {
  return env.PAYMOB_EMULATOR_ITEM_SUM?.trim() === "amount_x_quantity" ? "amount_x_quantity" : "sum";
}

/** Seconds the "delayed" scenario holds a callback back unless the control endpoint names another delay. */
export function defaultDelaySeconds(env: Env = process.env): number {
  const value = Number(env.PAYMOB_EMULATOR_DELAY_SECONDS ?? 5);
  return Number.isInteger(value) && value >= 0 && value <= 3600 ? value : 5;
}

// Regions (docs/paymob.md § "Regions and hosts"): Paymob runs one deployment per country and prefixes every key and client
// secret with it (egy_, sau_, are_, omn_). The emulator serves all four at once and tells them apart the same way:
// the secret key of an API call, the client secret of a checkout or Pixel request, whose public key must be the
// same region's.

/** The region of one of the emulator's secret keys; undefined for any other key. */
export function regionOfSecretKey(key: string | null | undefined): PaymobRegion | undefined {
  return REGION_NAMES.find((region) => EMULATOR_KEYS[region].secretKey === key);
}

/** `sau` from `sau_csk_test_…`: the region an intention was created in. Egypt for anything unprefixed. */
export function regionOfClientSecret(clientSecret: string): PaymobRegion {
  return regionForKeyPrefix(clientSecret.split("_")[0] ?? "") ?? "egypt";
}

/** A checkout page, Pixel or the card frame opens an intention only with its own region's public key. */
export function publicKeyOpens(publicKey: string | null | undefined, clientSecret: string): boolean {
  return publicKey === EMULATOR_KEYS[regionOfClientSecret(clientSecret)].publicKey;
}

export const publicKeyOf = (clientSecret: string): string =>
  EMULATOR_KEYS[regionOfClientSecret(clientSecret)].publicKey;

/** Client secrets carry the region's prefix: `egy_csk_test_…`, `sau_csk_test_…` (docs/paymob.md § "Regions and hosts"). */
export const clientSecretPrefix = (region: PaymobRegion) => `${PAYMOB_REGIONS[region].keyPrefix}_csk_test_`;

export type Integration =
  (typeof EMULATOR_REGION_INTEGRATIONS)[PaymobRegion][number] | typeof EMULATOR_MOTO_INTEGRATION;

/**
 * Paymob accepts integration ids (numbers) or integration names (strings) in `payment_methods`. Each region is
 * its own merchant account: another region's integration id does not exist for this key.
 */
export function findIntegration(region: PaymobRegion, ref: number | string): Integration | undefined {
  // The MOTO integration (merchant-initiated saved-card payments) exists on the Egyptian account only.
  const integrations: readonly Integration[] =
    region === "egypt"
      ? [...EMULATOR_REGION_INTEGRATIONS.egypt, EMULATOR_MOTO_INTEGRATION]
      : EMULATOR_REGION_INTEGRATIONS[region];
  return integrations.find((i) =>
    typeof ref === "number" ? i.integration_id === ref : i.name === ref || String(i.integration_id) === ref,
  );
}

/** The emulated merchant account (Paymob echoes it inside every TRANSACTION callback's `order.merchant`). */
export const MERCHANT = {
  id: 164001,
  created_at: "2024-01-15T10:00:00.000000",
  phones: ["+201000000000"],
  company_emails: ["merchant@emulator.test"],
  company_name: "Emulator Test Merchant",
  state: "",
  country: "EGY",
  city: "Cairo",
  postal_code: "",
  street: "",
} as const;

/** The merchant's dashboard user id: Paymob's `owner` / `profile_id` / `payment_key_claims.user_id`. */
export const OWNER_USER_ID = 302001;
export const PROFILE_ID = MERCHANT.id;
