import type { PaymobRegion } from "./regions";

// The built-in emulator's own, public test credentials. They only ever unlock the emulator that ships with
// this app, so they are safe to commit; real keys come from the environment and switch the emulator off.
// One pair per region, prefixed like Paymob's (egy_/sau_/are_/omn_): the emulator tells the region of a request
// from the prefix of the key it carries, as Pixel picks its host from the public key's (docs/paymob.md § "Regions and hosts").
const keyPair = (prefix: string) => ({
  secretKey: `${prefix}_sk_test_emulator_0000000000000000000000000000`,
  publicKey: `${prefix}_pk_test_emulator_0000000000000000000000000000`,
});
export const EMULATOR_KEYS = {
  egypt: keyPair("egy"),
  ksa: keyPair("sau"),
  uae: keyPair("are"),
  oman: keyPair("omn"),
} as const satisfies Record<PaymobRegion, { secretKey: string; publicKey: string }>;

/** Egypt's pair, the default region's. */
export const EMULATOR_SECRET_KEY = EMULATOR_KEYS.egypt.secretKey;
export const EMULATOR_PUBLIC_KEY = EMULATOR_KEYS.egypt.publicKey;
export const EMULATOR_HMAC_SECRET = "EMULATOR0HMAC0SECRET0NOT0FOR0PRODUCTION";
/** Legacy API key for the auth-token flow the inquiry endpoints need. */
export const EMULATOR_API_KEY = "emulator_api_key_not_for_production";

/**
 * Integrations the emulator knows per region, in Paymob's `payment_methods` shape. Test mode only. An
 * integration settles in one currency, its region's; the mobile wallet (Vodafone Cash and the like, test number
 * 01010101010) is Egypt's, so the other regions have a card integration only.
 */
export const EMULATOR_REGION_INTEGRATIONS = {
  egypt: [
    { integration_id: 4900001, name: "card", method_type: "online", currency: "EGP" },
    { integration_id: 4900002, name: "wallet", method_type: "online", currency: "EGP" },
  ],
  ksa: [{ integration_id: 4900011, name: "card", method_type: "online", currency: "SAR" }],
  uae: [{ integration_id: 4900021, name: "card", method_type: "online", currency: "AED" }],
  oman: [{ integration_id: 4900031, name: "card", method_type: "online", currency: "OMR" }],
} as const satisfies Record<
  PaymobRegion,
  readonly { integration_id: number; name: string; method_type: "online"; currency: string }[]
>;

/** Egypt's integrations, the default region's. */
export const EMULATOR_INTEGRATIONS = EMULATOR_REGION_INTEGRATIONS.egypt;

/**
 * A MOTO integration for merchant-initiated saved-card payments (Postman "Pay with saved card", MIT). Kept out
 * of EMULATOR_INTEGRATIONS, the store's default `payment_methods`: the store never charges a card by itself.
 */
export const EMULATOR_MOTO_INTEGRATION = {
  integration_id: 4900003,
  name: "moto",
  method_type: "moto",
  currency: "EGP",
} as const;

/** Where the emulator is mounted inside this app; below it, Paymob's own paths. */
export const EMULATOR_MOUNT = "/paymob-emulator";
