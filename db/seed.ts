import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "./client";
import { categories, categoryTranslations, products, productTranslations } from "./schema";
import { SEED_CATEGORIES, SEED_PRODUCTS } from "./seed-data";
import { SEED_CATEGORIES_AR, SEED_PRODUCTS_AR } from "./seed-data-ar";
import { currencyExponent } from "../lib/money";

/**
 * Inserts the demo catalog; existing slugs are left alone so a re-seed never changes a live price. Shelves are
 * seeded first, and a demo product that has no shelf yet (seeded before categories existed) is put on its shelf,
 * which changes nothing a shopper has paid for.
 */
export async function seedProducts(db: Db, currency: string): Promise<number> {
  const categoryIds = await seedCategories(db);
  const scale = 10 ** currencyExponent(currency);
  const rows = SEED_PRODUCTS.map((p) => ({
    slug: p.slug,
    name: p.name,
    description: p.description,
    priceMinor: p.price * scale,
    currency,
    image: `/products/${p.slug}.svg`,
    categoryId: categoryIds.get(p.category) ?? null,
  }));
  const inserted = await db
    .insert(products)
    .values(rows)
    .onConflictDoNothing({ target: products.slug })
    .returning({ id: products.id });
  for (const row of rows) {
    if (row.categoryId === null) continue;
    await db
      .update(products)
      .set({ categoryId: row.categoryId })
      .where(and(eq(products.slug, row.slug), isNull(products.categoryId)));
  }
  await seedArabicCopy(db, categoryIds);
  return inserted.length;
}

/**
 * The demo catalog's Arabic copy, for the demo rows that have none yet: like prices, copy already there (edited
 * since, or seeded before) is left alone, so a re-seed changes nothing.
 */
async function seedArabicCopy(db: Db, categoryIds: Map<string, number>): Promise<void> {
  const categoryRows = Object.entries(SEED_CATEGORIES_AR).flatMap(([slug, copy]) => {
    const categoryId = categoryIds.get(slug);
    return categoryId === undefined ? [] : [{ categoryId, locale: "ar", ...copy }];
  });
  if (categoryRows.length > 0) await db.insert(categoryTranslations).values(categoryRows).onConflictDoNothing();
  const slugs = Object.keys(SEED_PRODUCTS_AR) as (keyof typeof SEED_PRODUCTS_AR)[];
  const ids = await db
    .select({ id: products.id, slug: products.slug })
    .from(products)
    .where(inArray(products.slug, slugs));
  const productRows = ids.map((p) => ({
    productId: p.id,
    locale: "ar",
    ...SEED_PRODUCTS_AR[p.slug as keyof typeof SEED_PRODUCTS_AR],
  }));
  if (productRows.length > 0) await db.insert(productTranslations).values(productRows).onConflictDoNothing();
}

/** The demo shelves by slug → id, inserting the missing ones. */
async function seedCategories(db: Db): Promise<Map<string, number>> {
  await db
    .insert(categories)
    .values(SEED_CATEGORIES.map((c, position) => ({ ...c, position })))
    .onConflictDoNothing({ target: categories.slug });
  const rows = await db.select({ id: categories.id, slug: categories.slug }).from(categories);
  return new Map(rows.map((r) => [r.slug, r.id]));
}

export async function countProducts(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(products);
  return row?.n ?? 0;
}
