import type { MetadataRoute } from "next";
import { getDb } from "@/db/client";
import { appUrl } from "@/lib/app-url";
import { listProducts } from "@/lib/catalog/queries";
import { sitemapEntries } from "@/lib/catalog/sitemap";

// Rendered per request: the products live in the database (which `next build` never opens), and the origin is
// the running server's APP_URL, not the build machine's.
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries(await listProducts(await getDb()), appUrl());
}
