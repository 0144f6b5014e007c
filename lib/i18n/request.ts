import { getRequestConfig } from "next-intl/server";
import { storeRegion } from "@/lib/store";
import { messageFormats } from "./formats";
import { MESSAGES } from "./messages";
import { isAppLocale, routing } from "./routing";

// next-intl reads this once per request (wired in next.config.ts): the locale comes from the [locale] segment
// when a page passes it on, English otherwise (API routes, the emulator). The formats reach client components
// too: NextIntlClientProvider inherits them from here.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isAppLocale(requested) ? requested : routing.defaultLocale;
  return { locale, messages: MESSAGES[locale], formats: messageFormats(locale, storeRegion()) };
});
