import "server-only";
import { and, asc, desc, eq, ne, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgSelect } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db/client";
import { categories, categoryTranslations, products, productTranslations } from "@/db/schema";
import type { Sort } from "./listing-params";
import type { CatalogCategory, CatalogLocale, CatalogProduct, ProductDetail } from "./types";

// Every read of `products` and `categories` by the storefront (the cart's priced join lives with the cart,
// lib/cart/queries.ts). Both are written only by the seed (db/seed.ts). Each list and lookup takes a locale,
// 'en' by default: English reads the rows alone, exactly as before translations existed; another locale joins
// its translation row and falls back to English per field (a missing row, a null or a blank field).

const columns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  description: products.description,
  priceMinor: products.priceMinor,
  currency: products.currency,
  image: products.image,
};

/** A translated text field, or the English one when the translation has none (null or blank). */
function translated(field: AnyPgColumn, english: AnyPgColumn): SQL<string> {
  return sql<string>`coalesce(nullif(btrim(${field}), ''), ${english})`;
}

/** The product fields a shopper reads, in `locale`: the columns themselves for English. */
function productColumns(locale: CatalogLocale) {
  if (locale === "en") return columns;
  return {
    ...columns,
    name: translated(productTranslations.name, products.name),
    description: translated(productTranslations.description, products.description),
  };
}

/**
 * Joins the product's translation row for a locale other than English. The selection (productColumns) already
 * fixes the row's type, so the joined builder is handed back as the same type.
 */
function withProductTranslation<T extends PgSelect>(query: T, locale: CatalogLocale): T {
  if (locale === "en") return query;
  return query.leftJoin(
    productTranslations,
    and(eq(productTranslations.productId, products.id), eq(productTranslations.locale, locale)),
  ) as unknown as T;
}

function selectProducts(db: Db, locale: CatalogLocale) {
  return withProductTranslation(db.select(productColumns(locale)).from(products).$dynamic(), locale);
}

/** The name products sort by in `locale`. */
function productName(locale: CatalogLocale): SQL | typeof products.name {
  return locale === "en" ? products.name : translated(productTranslations.name, products.name);
}

/** ORDER BY for a sort; the id breaks ties so a page never reshuffles between two loads. */
function orderBy(sort: Sort, featured: SQL[] = [], name: SQL | typeof products.name = products.name): SQL[] {
  switch (sort) {
    case "price-asc":
      return [asc(products.priceMinor), asc(products.id)];
    case "price-desc":
      return [desc(products.priceMinor), asc(products.id)];
    case "name":
      return [asc(name), asc(products.id)];
    case "featured":
      return [...featured, asc(products.id)];
  }
}

/** Every product; "featured" is the catalog's seeded order. */
export async function listProducts(
  db: Db,
  sort: Sort = "featured",
  locale: CatalogLocale = "en",
): Promise<CatalogProduct[]> {
  return selectProducts(db, locale).orderBy(...orderBy(sort, [], productName(locale)));
}

/** The products on one shelf. */
export async function listProductsInCategory(
  db: Db,
  categoryId: number,
  sort: Sort,
  locale: CatalogLocale = "en",
): Promise<CatalogProduct[]> {
  return selectProducts(db, locale)
    .where(eq(products.categoryId, categoryId))
    .orderBy(...orderBy(sort, [], productName(locale)));
}

/**
 * Full-text search over names and descriptions (the generated `search` column and its GIN index, migration 0006).
 * websearch_to_tsquery takes what people type (several words all must match, "quoted phrases", -excluded) and
 * never raises a syntax error; the english stemmer lets "mugs" find "mug". "featured" here means best match
 * first, a name hit weighing more than a description hit. A query of only stop words ("the") matches nothing.
 *
 * In Arabic ('ar') it searches the translation's `search` column (migration 0008): catalog_search_tsquery folds
 * what was typed as the column was folded (harakat and shadda, alef / ya / ta marbuta / hamza forms, tatweel, the
 * article) and matches every word as a prefix. The English text is searched too, so a product shown in English
 * (no translation yet) or a Latin word ("Siwa") is still found.
 */
export async function searchProducts(
  db: Db,
  query: string,
  sort: Sort,
  locale: CatalogLocale = "en",
): Promise<CatalogProduct[]> {
  if (!query.trim()) return [];
  if (locale !== "en") return searchTranslatedProducts(db, query, sort, locale);
  const tsquery = sql`websearch_to_tsquery('english', ${query})`;
  return db
    .select(columns)
    .from(products)
    .where(sql`${products.search} @@ ${tsquery}`)
    .orderBy(...orderBy(sort, [desc(sql`ts_rank(${products.search}, ${tsquery})`)]));
}

async function searchTranslatedProducts(
  db: Db,
  query: string,
  sort: Sort,
  locale: Exclude<CatalogLocale, "en">,
): Promise<CatalogProduct[]> {
  const translatedQuery = sql`catalog_search_tsquery(${query})`;
  const englishQuery = sql`websearch_to_tsquery('english', ${query})`;
  const rank = sql`coalesce(ts_rank(${productTranslations.search}, ${translatedQuery}), 0) + ts_rank(${products.search}, ${englishQuery})`;
  return selectProducts(db, locale)
    .where(sql`(${productTranslations.search} @@ ${translatedQuery} or ${products.search} @@ ${englishQuery})`)
    .orderBy(...orderBy(sort, [desc(rank)], productName(locale)));
}

/**
 * Every shelf in menu order, with its product count (an empty shelf is listed; the caller decides). In another
 * locale than English, the shelf's translation row is joined and each text falls back to English.
 */
export async function listCategories(db: Db, locale: CatalogLocale = "en"): Promise<CatalogCategory[]> {
  const english = locale === "en";
  const query = db
    .select({
      id: categories.id,
      slug: categories.slug,
      name: english ? categories.name : translated(categoryTranslations.name, categories.name),
      description: english
        ? categories.description
        : translated(categoryTranslations.description, categories.description),
      productCount: sql<number>`count(${products.id})::int`,
    })
    .from(categories)
    .$dynamic();
  const withText = english
    ? query
    : query.leftJoin(
        categoryTranslations,
        and(eq(categoryTranslations.categoryId, categories.id), eq(categoryTranslations.locale, locale)),
      );
  return withText
    .leftJoin(products, eq(products.categoryId, categories.id))
    .groupBy(categories.id, ...(english ? [] : [categoryTranslations.categoryId, categoryTranslations.locale]))
    .orderBy(asc(categories.position), asc(categories.id));
}

const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(120);

/** One shelf by its URL slug; a slug that cannot exist is answered without a query. */
export async function findCategoryBySlug(
  db: Db,
  slug: string,
  locale: CatalogLocale = "en",
): Promise<CatalogCategory | undefined> {
  if (!slugSchema.safeParse(slug).success) return undefined;
  return (await listCategories(db, locale)).find((c) => c.slug === slug);
}

/** One product by its URL slug, with its shelf; a slug that cannot exist is answered without a query. */
export async function findProductBySlug(
  db: Db,
  slug: string,
  locale: CatalogLocale = "en",
): Promise<ProductDetail | undefined> {
  if (!slugSchema.safeParse(slug).success) return undefined;
  // Null when the product has no shelf (the left join found none), in either locale.
  const shelfName =
    locale === "en"
      ? sql<string | null>`${categories.name}`
      : sql<string | null>`${translated(categoryTranslations.name, categories.name)}`;
  let query = withProductTranslation(
    db
      .select({ ...productColumns(locale), categorySlug: categories.slug, categoryName: shelfName })
      .from(products)
      .leftJoin(categories, eq(categories.id, products.categoryId))
      .$dynamic(),
    locale,
  );
  if (locale !== "en") {
    query = query.leftJoin(
      categoryTranslations,
      and(eq(categoryTranslations.categoryId, categories.id), eq(categoryTranslations.locale, locale)),
    ) as unknown as typeof query;
  }
  const [row] = await query.where(eq(products.slug, slug));
  if (!row) return undefined;
  const { categorySlug, categoryName, ...product } = row;
  return {
    ...product,
    category: categorySlug !== null && categoryName !== null ? { slug: categorySlug, name: categoryName } : null,
  };
}

/**
 * Products to show beside `productId`: its shelf-mates first, then the rest of the catalog, in the catalog's order.
 * A product with no shelf gets the catalog's first products.
 */
export async function listRelatedProducts(
  db: Db,
  productId: number,
  limit = 4,
  locale: CatalogLocale = "en",
): Promise<CatalogProduct[]> {
  const [self] = await db.select({ categoryId: products.categoryId }).from(products).where(eq(products.id, productId));
  if (!self) return [];
  const sameShelf =
    self.categoryId === null ? sql`0` : sql`case when ${products.categoryId} = ${self.categoryId} then 0 else 1 end`;
  return selectProducts(db, locale).where(ne(products.id, productId)).orderBy(sameShelf, asc(products.id)).limit(limit);
}

/** The currency a product is priced in, or undefined when there is no such product. */
export async function findProductCurrency(db: Db, productId: number): Promise<string | undefined> {
  const [product] = await db.select({ currency: products.currency }).from(products).where(eq(products.id, productId));
  return product?.currency;
}
