import { defineRouting } from "next-intl/routing";

// English is the store's default and keeps the bare paths it always had (/cart); Arabic lives under /ar (/ar/cart).
// /en/… also works and redirects to the bare path, so there is one address per page and language.
export const routing = defineRouting({
  locales: ["en", "ar"],
  defaultLocale: "en",
  localePrefix: "as-needed",
  // hreflang alternates come from each page's metadata, built on APP_URL; next-intl's own Link header would be built
  // from the request's Host, which a visitor controls.
  alternateLinks: false,
});

export type AppLocale = (typeof routing.locales)[number];

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (routing.locales as readonly string[]).includes(value);
}

/** Writing direction of a locale, for <html dir> and for widgets that take a direction (Pixel's customStyle). */
export function localeDirection(locale: AppLocale): "rtl" | "ltr" {
  return locale === "ar" ? "rtl" : "ltr";
}
