import type { Metadata } from "next";
import type { CatalogProduct } from "@/lib/catalog/types";
import { localizedPath } from "@/lib/i18n/localized-path";
import { routing, type AppLocale } from "@/lib/i18n/routing";
import { STORE_NAME } from "@/lib/store";

// Metadata shared by the locale layout and the public pages. Next.js merges a page's `openGraph` over the
// layout's as a whole object, so the fields every page needs live here and each page spreads them in.
// Relative URLs resolve against the layout's metadataBase (APP_URL); images come from the opengraph-image files.

const OPEN_GRAPH_LOCALE: Record<AppLocale, string> = { en: "en_EG", ar: "ar_EG" };

export function siteOpenGraph(locale: AppLocale) {
  return {
    siteName: STORE_NAME,
    type: "website",
    locale: OPEN_GRAPH_LOCALE[locale],
    alternateLocale: routing.locales.filter((other) => other !== locale).map((other) => OPEN_GRAPH_LOCALE[other]),
  } as const satisfies Metadata["openGraph"];
}

/**
 * The canonical link of `href` (a path without locale prefix, query allowed) in `locale`, and its hreflang
 * alternates: one per language, plus x-default for shoppers whose language the store does not speak (English,
 * the bare path). Relative, so Next.js makes them absolute from metadataBase (APP_URL), never from the request.
 */
export function localeAlternates(href: string, locale: AppLocale): NonNullable<Metadata["alternates"]> {
  const at = (target: AppLocale) => localizedPath(href, target);
  return {
    canonical: at(locale),
    languages: {
      ...Object.fromEntries(routing.locales.map((each) => [each, at(each)])),
      "x-default": at(routing.defaultLocale),
    },
  };
}

export function productMetadata(product: CatalogProduct, locale: AppLocale): Metadata {
  const path = `/products/${product.slug}`;
  const alternates = localeAlternates(path, locale);
  return {
    title: product.name,
    description: product.description,
    alternates,
    openGraph: {
      ...siteOpenGraph(locale),
      title: product.name,
      description: product.description,
      url: localizedPath(path, locale),
    },
  };
}
