import arAccount from "./messages/ar/account.json";
import arAdmin from "./messages/ar/admin.json";
import arAuth from "./messages/ar/auth.json";
import arCart from "./messages/ar/cart.json";
import arCatalog from "./messages/ar/catalog.json";
import arCheckout from "./messages/ar/checkout.json";
import arCommon from "./messages/ar/common.json";
import arEmail from "./messages/ar/email.json";
import arLayout from "./messages/ar/layout.json";
import arMeta from "./messages/ar/meta.json";
import arOrders from "./messages/ar/orders.json";
import enAccount from "./messages/en/account.json";
import enAdmin from "./messages/en/admin.json";
import enAuth from "./messages/en/auth.json";
import enCart from "./messages/en/cart.json";
import enCatalog from "./messages/en/catalog.json";
import enCheckout from "./messages/en/checkout.json";
import enCommon from "./messages/en/common.json";
import enEmail from "./messages/en/email.json";
import enLayout from "./messages/en/layout.json";
import enMeta from "./messages/en/meta.json";
import enOrders from "./messages/en/orders.json";
import type { AppLocale } from "./routing";

// One JSON file per namespace and language. English is the source of truth for keys and their types
// (lib/i18n/types.d.ts); a unit test checks that Arabic has exactly the same keys and placeholders.
const en = {
  account: enAccount,
  admin: enAdmin,
  auth: enAuth,
  cart: enCart,
  catalog: enCatalog,
  checkout: enCheckout,
  common: enCommon,
  email: enEmail,
  layout: enLayout,
  meta: enMeta,
  orders: enOrders,
};

export type Messages = typeof en;

const ar: Messages = {
  account: arAccount,
  admin: arAdmin,
  auth: arAuth,
  cart: arCart,
  catalog: arCatalog,
  checkout: arCheckout,
  common: arCommon,
  email: arEmail,
  layout: arLayout,
  meta: arMeta,
  orders: arOrders,
};

export const MESSAGES: Record<AppLocale, Messages> = { en, ar };
