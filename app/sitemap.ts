import type { MetadataRoute } from "next";
import { getDb } from "@/db/client";
import { appUrl } from "@/lib/app-url";
import { listProducts } from "@/lib/catalog/queries";
import { sitemapEntries } from "@/lib/catalog/sitemap";

// Rendered per request: the products live in the database (which `next build` never opens), and the origin is
// the running server's APP_URL, not the build machine's.
export const dynamic = "force-dynamic";

// Category pages join once the catalog has them: pass `categories: await listCategories(db)` (any list of
// { slug }) to sitemapEntries, which already maps them to /categories/<slug>.
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries({ products: await listProducts(await getDb()) }, appUrl());
}
