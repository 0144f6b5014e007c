// Paymob runs one Accept deployment per country. Test and live share the host; the keys decide the mode.
// Hosts and currencies: Paymob's Postman collections README (base URL table); key prefixes: the
// region prefixes Pixel uses to pick its host (docs/paymob.md § "Regions and hosts"). Pakistan is left out on
// purpose: the Intention API is not documented there (same section).
// `country` (ISO 3166) builds the store's BCP 47 locale tags (ar-EG, en-SA, …); `timeZone` is the account's local
// clock, which Paymob's timestamps are written in and the store shows its times in. DST: Cairo observes it again
// since 2023; Riyadh, Dubai and Muscat do not.

export const PAYMOB_REGIONS = {
  egypt: {
    label: "Egypt",
    baseUrl: "https://accept.paymob.com",
    currency: "EGP",
    keyPrefix: "egy",
    country: "EG",
    timeZone: "Africa/Cairo",
  },
  ksa: {
    label: "Saudi Arabia",
    baseUrl: "https://ksa.paymob.com",
    currency: "SAR",
    keyPrefix: "sau",
    country: "SA",
    timeZone: "Asia/Riyadh",
  },
  uae: {
    label: "United Arab Emirates",
    baseUrl: "https://uae.paymob.com",
    currency: "AED",
    keyPrefix: "are",
    country: "AE",
    timeZone: "Asia/Dubai",
  },
  oman: {
    label: "Oman",
    baseUrl: "https://oman.paymob.com",
    currency: "OMR",
    keyPrefix: "omn",
    country: "OM",
    timeZone: "Asia/Muscat",
  },
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
