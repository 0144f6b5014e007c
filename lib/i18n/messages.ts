import arCart from "./messages/ar/cart.json";
import arCheckout from "./messages/ar/checkout.json";
import arCommon from "./messages/ar/common.json";
import enCart from "./messages/en/cart.json";
import enCheckout from "./messages/en/checkout.json";
import enCommon from "./messages/en/common.json";
import type { AppLocale } from "./routing";

// One JSON file per namespace and language. English is the source of truth for keys and their types
// (lib/i18n/types.d.ts); a unit test checks that Arabic has exactly the same keys and placeholders.
const en = {
  common: enCommon,
  cart: enCart,
  checkout: enCheckout,
};

export type Messages = typeof en;

const ar: Messages = {
  common: arCommon,
  cart: arCart,
  checkout: arCheckout,
};

export const MESSAGES: Record<AppLocale, Messages> = { en, ar };
