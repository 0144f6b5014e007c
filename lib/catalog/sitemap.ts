import type { MetadataRoute } from "next";

type Listed = { slug: string };

/**
 * The pages search engines should know: the home page, each category page and every product, as absolute URLs
 * on `origin` (APP_URL, from configuration: a request's Host header must never decide which site a sitemap
 * advertises).
 */
export function sitemapEntries(
  { products, categories = [] }: { products: Listed[]; categories?: Listed[] },
  origin: string,
): MetadataRoute.Sitemap {
  const at = (path: string) => new URL(path, origin).toString();
  return [
    { url: at("/"), changeFrequency: "daily", priority: 1 },
    ...categories.map((c) => ({ url: at(`/categories/${c.slug}`), changeFrequency: "weekly" as const, priority: 0.7 })),
    ...products.map((p) => ({ url: at(`/products/${p.slug}`), changeFrequency: "weekly" as const, priority: 0.8 })),
  ];
}
