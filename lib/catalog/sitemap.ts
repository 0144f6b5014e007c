import type { MetadataRoute } from "next";
import type { CatalogProduct } from "./types";

/**
 * The pages search engines should know: the home page and every product, as absolute URLs on `origin` (APP_URL,
 * from configuration: a request's Host header must never decide which site a sitemap advertises).
 */
export function sitemapEntries(products: Pick<CatalogProduct, "slug">[], origin: string): MetadataRoute.Sitemap {
  const at = (path: string) => new URL(path, origin).toString();
  return [
    { url: at("/"), changeFrequency: "daily", priority: 1 },
    ...products.map((p) => ({ url: at(`/products/${p.slug}`), changeFrequency: "weekly" as const, priority: 0.8 })),
  ];
}
