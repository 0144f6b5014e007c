import "server-only";
import { asc, desc, eq, ne, sql, type SQL } from "drizzle-orm";
import { cache } from "react";
import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { categories, products } from "@/db/schema";
import { logger } from "@/lib/logger";
import type { Sort } from "./listing-params";
import type { CatalogCategory, CatalogProduct, ProductDetail } from "./types";

// Every read of `products` and `categories` by the storefront (the cart's priced join lives with the cart,
// lib/cart/queries.ts). Both are written only by the seed (db/seed.ts).

const columns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  description: products.description,
  priceMinor: products.priceMinor,
  currency: products.currency,
  image: products.image,
};

/** ORDER BY for a sort; the id breaks ties so a page never reshuffles between two loads. */
function orderBy(sort: Sort, featured: SQL[] = []): SQL[] {
  switch (sort) {
    case "price-asc":
      return [asc(products.priceMinor), asc(products.id)];
    case "price-desc":
      return [desc(products.priceMinor), asc(products.id)];
    case "name":
      return [asc(products.name), asc(products.id)];
    case "featured":
      return [...featured, asc(products.id)];
  }
}

/** Every product; "featured" is the catalog's seeded order. */
export async function listProducts(db: Db, sort: Sort = "featured"): Promise<CatalogProduct[]> {
  return db
    .select(columns)
    .from(products)
    .orderBy(...orderBy(sort));
}

/** The products on one shelf. */
export async function listProductsInCategory(db: Db, categoryId: number, sort: Sort): Promise<CatalogProduct[]> {
  return db
    .select(columns)
    .from(products)
    .where(eq(products.categoryId, categoryId))
    .orderBy(...orderBy(sort));
}

/**
 * Full-text search over names and descriptions (the generated `search` column and its GIN index, migration 0006).
 * websearch_to_tsquery takes what people type (several words all must match, "quoted phrases", -excluded) and
 * never raises a syntax error; the english stemmer lets "mugs" find "mug". "featured" here means best match
 * first, a name hit weighing more than a description hit. A query of only stop words ("the") matches nothing.
 */
export async function searchProducts(db: Db, query: string, sort: Sort): Promise<CatalogProduct[]> {
  if (!query.trim()) return [];
  const tsquery = sql`websearch_to_tsquery('english', ${query})`;
  return db
    .select(columns)
    .from(products)
    .where(sql`${products.search} @@ ${tsquery}`)
    .orderBy(...orderBy(sort, [desc(sql`ts_rank(${products.search}, ${tsquery})`)]));
}

/** Every shelf in menu order, with its product count (an empty shelf is listed; the caller decides). */
export async function listCategories(db: Db): Promise<CatalogCategory[]> {
  return db
    .select({
      id: categories.id,
      slug: categories.slug,
      name: categories.name,
      description: categories.description,
      productCount: sql<number>`count(${products.id})::int`,
    })
    .from(categories)
    .leftJoin(products, eq(products.categoryId, categories.id))
    .groupBy(categories.id)
    .orderBy(asc(categories.position), asc(categories.id));
}

/**
 * The header's shelves, once per request; only shelves with something on them. A database hiccup leaves the menu
 * with "All products" alone instead of taking every page down with it.
 */
export const getMenuCategories = cache(async (): Promise<CatalogCategory[]> => {
  try {
    return (await listCategories(await getDb())).filter((c) => c.productCount > 0);
  } catch (error) {
    logger.error({ scope: "catalog", err: error }, "menu categories failed");
    return [];
  }
});

const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(120);

/** One shelf by its URL slug; a slug that cannot exist is answered without a query. */
export async function findCategoryBySlug(db: Db, slug: string): Promise<CatalogCategory | undefined> {
  if (!slugSchema.safeParse(slug).success) return undefined;
  return (await listCategories(db)).find((c) => c.slug === slug);
}

/** Per-request memo, so generateMetadata and the page share one lookup. */
export const getCategoryBySlug = cache(async (slug: string) => findCategoryBySlug(await getDb(), slug));

/** One product by its URL slug, with its shelf; a slug that cannot exist is answered without a query. */
export async function findProductBySlug(db: Db, slug: string): Promise<ProductDetail | undefined> {
  if (!slugSchema.safeParse(slug).success) return undefined;
  const [row] = await db
    .select({ ...columns, categorySlug: categories.slug, categoryName: categories.name })
    .from(products)
    .leftJoin(categories, eq(categories.id, products.categoryId))
    .where(eq(products.slug, slug));
  if (!row) return undefined;
  const { categorySlug, categoryName, ...product } = row;
  return {
    ...product,
    category: categorySlug !== null && categoryName !== null ? { slug: categorySlug, name: categoryName } : null,
  };
}

/** Per-request memo, so generateMetadata and the page share one lookup. */
export const getProductBySlug = cache(async (slug: string) => findProductBySlug(await getDb(), slug));

/**
 * Products to show beside `productId`: its shelf-mates first, then the rest of the catalog, in the catalog's order.
 * A product with no shelf gets the catalog's first products.
 */
export async function listRelatedProducts(db: Db, productId: number, limit = 4): Promise<CatalogProduct[]> {
  const [self] = await db.select({ categoryId: products.categoryId }).from(products).where(eq(products.id, productId));
  if (!self) return [];
  const sameShelf =
    self.categoryId === null ? sql`0` : sql`case when ${products.categoryId} = ${self.categoryId} then 0 else 1 end`;
  return db
    .select(columns)
    .from(products)
    .where(ne(products.id, productId))
    .orderBy(sameShelf, asc(products.id))
    .limit(limit);
}

/** The currency a product is priced in, or undefined when there is no such product. */
export async function findProductCurrency(db: Db, productId: number): Promise<string | undefined> {
  const [product] = await db.select({ currency: products.currency }).from(products).where(eq(products.id, productId));
  return product?.currency;
}
