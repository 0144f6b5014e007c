// Paymob runs one Accept deployment per country. Test and live share the host; the keys decide the mode.
// Hosts and currencies: Paymob's Postman collections README (base URL table); key prefixes: the
// region prefixes Pixel uses to pick its host (docs/paymob.md § "Regions and hosts"). Pakistan is left out on
// purpose: the Intention API is not documented there (same section).

export const PAYMOB_REGIONS = {
  egypt: { label: "Egypt", baseUrl: "https://accept.paymob.com", currency: "EGP", keyPrefix: "egy" },
  ksa: { label: "Saudi Arabia", baseUrl: "https://ksa.paymob.com", currency: "SAR", keyPrefix: "sau" },
  uae: { label: "United Arab Emirates", baseUrl: "https://uae.paymob.com", currency: "AED", keyPrefix: "are" },
  oman: { label: "Oman", baseUrl: "https://oman.paymob.com", currency: "OMR", keyPrefix: "omn" },
} as const;

export type PaymobRegion = keyof typeof PAYMOB_REGIONS;

export const REGION_NAMES = Object.keys(PAYMOB_REGIONS) as PaymobRegion[];

export function isPaymobRegion(value: string): value is PaymobRegion {
  return Object.hasOwn(PAYMOB_REGIONS, value);
}

/** The region whose keys start with `prefix` (`egy`, `sau`, …), if it is one we support. */
export function regionForKeyPrefix(prefix: string): PaymobRegion | undefined {
  return REGION_NAMES.find((region) => PAYMOB_REGIONS[region].keyPrefix === prefix);
}

/** The region whose official API host is `origin`, if any. */
export function regionForOrigin(origin: string): PaymobRegion | undefined {
  return REGION_NAMES.find((region) => PAYMOB_REGIONS[region].baseUrl === origin);
}
