import type { messageFormats } from "./formats";
import type { Messages } from "./messages";
import type { routing } from "./routing";

// Typed message keys and number styles: t("common.missing") and {n, number, missing} are compile errors.
declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: Messages;
    Formats: ReturnType<typeof messageFormats>;
  }
}
