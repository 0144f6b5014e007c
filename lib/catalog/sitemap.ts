import type { MetadataRoute } from "next";
import { localizedPath } from "@/lib/i18n/localized-path";
import { routing } from "@/lib/i18n/routing";

type Listed = { slug: string };

/**
 * The pages search engines should know: the home page, each category page and every product, in each language
 * (/… English, /ar/… Arabic), as absolute URLs on `origin` (APP_URL, from configuration: a request's Host header
 * must never decide which site a sitemap advertises). Each entry names its other-language twin (hreflang).
 */
export function sitemapEntries(
  { products, categories = [] }: { products: Listed[]; categories?: Listed[] },
  origin: string,
): MetadataRoute.Sitemap {
  const at = (path: string) => new URL(path, origin).toString();
  const pages = [
    { path: "/", changeFrequency: "daily" as const, priority: 1 },
    ...categories.map((c) => ({ path: `/categories/${c.slug}`, changeFrequency: "weekly" as const, priority: 0.7 })),
    ...products.map((p) => ({ path: `/products/${p.slug}`, changeFrequency: "weekly" as const, priority: 0.8 })),
  ];
  return routing.locales.flatMap((locale) =>
    pages.map(({ path, ...rest }) => ({
      url: at(localizedPath(path, locale)),
      ...rest,
      alternates: {
        languages: Object.fromEntries(routing.locales.map((each) => [each, at(localizedPath(path, each))])),
      },
    })),
  );
}
