import type { MetadataRoute } from "next";
import { getDb } from "@/db/client";
import { appUrl } from "@/lib/app-url";
import { listCategories, listProducts } from "@/lib/catalog/queries";
import { sitemapEntries } from "@/lib/catalog/sitemap";

// Rendered per request: the products live in the database (which `next build` never opens), and the origin is
// the running server's APP_URL, not the build machine's.
export const dynamic = "force-dynamic";

// Empty categories stay out: their page exists but has nothing for a search engine to find.
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const db = await getDb();
  const categories = (await listCategories(db)).filter((c) => c.productCount > 0);
  return sitemapEntries({ products: await listProducts(db), categories }, appUrl());
}
