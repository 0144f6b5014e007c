import arCatalog from "./messages/ar/catalog.json";
import arCommon from "./messages/ar/common.json";
import arLayout from "./messages/ar/layout.json";
import enCatalog from "./messages/en/catalog.json";
import enCommon from "./messages/en/common.json";
import arMeta from "./messages/ar/meta.json";
import enMeta from "./messages/en/meta.json";
import enLayout from "./messages/en/layout.json";
import arEmail from "./messages/ar/email.json";
import enEmail from "./messages/en/email.json";
import type { AppLocale } from "./routing";

// One JSON file per namespace and language. English is the source of truth for keys and their types
// (lib/i18n/types.d.ts); a unit test checks that Arabic has exactly the same keys and placeholders.
const en = {
  common: enCommon,
  meta: enMeta,
  layout: enLayout,
  catalog: enCatalog,
  email: enEmail,
};

export type Messages = typeof en;

const ar: Messages = {
  common: arCommon,
  meta: arMeta,
  layout: arLayout,
  catalog: arCatalog,
  email: arEmail,
};

export const MESSAGES: Record<AppLocale, Messages> = { en, ar };
