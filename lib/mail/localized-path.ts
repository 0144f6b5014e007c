import { routing, type AppLocale } from "@/lib/i18n/routing";

/**
 * A path of this store in a language, as routing's `localePrefix: "as-needed"` spells it: English keeps the bare
 * path, Arabic gets /ar in front. Emails link with it, so a link opens the page in the language the email is in.
 * (next-intl's getPathname does the same but needs the navigation module, which emails sent outside a page avoid.)
 */
export function localizedPath(path: `/${string}`, locale: AppLocale): string {
  return locale === routing.defaultLocale ? path : `/${locale}${path}`;
}
