import arCommon from "./messages/ar/common.json";
import arEmail from "./messages/ar/email.json";
import enCommon from "./messages/en/common.json";
import enEmail from "./messages/en/email.json";
import type { AppLocale } from "./routing";

// One JSON file per namespace and language. English is the source of truth for keys and their types
// (lib/i18n/types.d.ts); a unit test checks that Arabic has exactly the same keys and placeholders.
const en = {
  common: enCommon,
  email: enEmail,
};

export type Messages = typeof en;

const ar: Messages = {
  common: arCommon,
  email: arEmail,
};

export const MESSAGES: Record<AppLocale, Messages> = { en, ar };
