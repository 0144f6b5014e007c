import {
  EMULATOR_INTEGRATIONS,
  EMULATOR_MOTO_INTEGRATION,
  EMULATOR_PUBLIC_KEY,
} from "@/lib/paymob/emulator-credentials";

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

/** `egy` from `egy_pk_test_…`: Paymob prefixes client secrets with the account's region. */
export const REGION_PREFIX = EMULATOR_PUBLIC_KEY.split("_")[0] ?? "egy";

export type Integration = (typeof EMULATOR_INTEGRATIONS)[number] | typeof EMULATOR_MOTO_INTEGRATION;

/** Paymob accepts integration ids (numbers) or integration names (strings) in `payment_methods`. */
export function findIntegration(ref: number | string): Integration | undefined {
  return [...EMULATOR_INTEGRATIONS, EMULATOR_MOTO_INTEGRATION].find((i) =>
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
