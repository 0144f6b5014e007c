import type { Messages } from "./messages";
import type { routing } from "./routing";

// Typed message keys: t("common.missing") is a compile error.
declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: Messages;
  }
}
