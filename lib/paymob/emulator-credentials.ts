// The built-in emulator's own, public test credentials. They only ever unlock the emulator that ships with
// this app, so they are safe to commit; real keys come from the environment and switch the emulator off.
export const EMULATOR_SECRET_KEY = "egy_sk_test_emulator_0000000000000000000000000000";
export const EMULATOR_PUBLIC_KEY = "egy_pk_test_emulator_0000000000000000000000000000";
export const EMULATOR_HMAC_SECRET = "EMULATOR0HMAC0SECRET0NOT0FOR0PRODUCTION";
/** Legacy API key for the auth-token flow the inquiry endpoints need. */
export const EMULATOR_API_KEY = "emulator_api_key_not_for_production";

/** Integrations the emulator knows, in Paymob's `payment_methods` shape. Test mode only. */
export const EMULATOR_INTEGRATIONS = [
  { integration_id: 4900001, name: "card", method_type: "online", currency: "EGP" },
  { integration_id: 4900002, name: "wallet", method_type: "online", currency: "EGP" },
] as const;

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
