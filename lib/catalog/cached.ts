import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { getDb } from "@/db/client";
import { logger } from "@/lib/logger";
import { CATALOG_TAG } from "./cache-tags";
import type { Sort } from "./listing-params";
import {
  findCategoryBySlug,
  findProductBySlug,
  listCategories,
  listProducts,
  listProductsInCategory,
  listRelatedProducts,
} from "./queries";
import type { CatalogCategory, CatalogLocale, CatalogProduct, ProductDetail } from "./types";

// The catalog as pages read it: each read is cached across requests and visitors ("use cache"), tagged so the
// app's own catalog writes invalidate it at once (lib/catalog/invalidate.ts), and kept at most `revalidate`
// seconds for changes made behind the app's back (SQL, the seed). Checkout never reads these: it re-prices from
// the database (lib/cart/queries.ts), so a stale page can show an old price but never charge it.
//
// Only plain data crosses the cache: the arguments are the cache key, the database handle is fetched inside.

/** How long catalog reads live: five minutes fresh, then served while revalidating, dropped after a day unused. */
const CATALOG_LIFE = { stale: 300, revalidate: 300, expire: 86_400 } as const;

function catalogEntry(): void {
  cacheTag(CATALOG_TAG);
  cacheLife(CATALOG_LIFE);
}

export async function cachedProducts(sort: Sort, locale: CatalogLocale = "en"): Promise<CatalogProduct[]> {
  "use cache";
  catalogEntry();
  return listProducts(await getDb(), sort, locale);
}

export async function cachedShelfProducts(
  categoryId: number,
  sort: Sort,
  locale: CatalogLocale = "en",
): Promise<CatalogProduct[]> {
  "use cache";
  catalogEntry();
  return listProductsInCategory(await getDb(), categoryId, sort, locale);
}

export async function cachedCategory(slug: string, locale: CatalogLocale = "en"): Promise<CatalogCategory | null> {
  "use cache";
  catalogEntry();
  // null, not undefined: an unknown slug is cached as an answer too, so probing URLs costs no query either.
  return (await findCategoryBySlug(await getDb(), slug, locale)) ?? null;
}

export async function cachedProduct(slug: string, locale: CatalogLocale = "en"): Promise<ProductDetail | null> {
  "use cache";
  catalogEntry();
  return (await findProductBySlug(await getDb(), slug, locale)) ?? null;
}

export async function cachedRelatedProducts(
  productId: number,
  locale: CatalogLocale = "en",
): Promise<CatalogProduct[]> {
  "use cache";
  catalogEntry();
  return listRelatedProducts(await getDb(), productId, 4, locale);
}

async function cachedCategories(locale: CatalogLocale): Promise<CatalogCategory[]> {
  "use cache";
  catalogEntry();
  return listCategories(await getDb(), locale);
}

/**
 * The header's shelves: only those with something on them. A database hiccup leaves the menu with "All products"
 * alone instead of taking every page down with it; the failure is not cached (it is thrown inside, caught here).
 */
export async function menuCategories(locale: CatalogLocale = "en"): Promise<CatalogCategory[]> {
  try {
    return (await cachedCategories(locale)).filter((c) => c.productCount > 0);
  } catch (error) {
    logger.error({ scope: "catalog", err: error }, "menu categories failed");
    return [];
  }
}
