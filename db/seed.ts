import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { products } from "./schema";
import { SEED_PRODUCTS } from "./seed-data";
import { currencyExponent } from "../lib/money";

/** Inserts the demo catalog; existing slugs are left alone so a re-seed never changes a live price. */
export async function seedProducts(db: Db, currency: string): Promise<number> {
  const scale = 10 ** currencyExponent(currency);
  const rows = SEED_PRODUCTS.map((p) => ({
    slug: p.slug,
    name: p.name,
    description: p.description,
    priceMinor: p.price * scale,
    currency,
    image: `/products/${p.slug}.svg`,
  }));
  const inserted = await db
    .insert(products)
    .values(rows)
    .onConflictDoNothing({ target: products.slug })
    .returning({ id: products.id });
  return inserted.length;
}

export async function countProducts(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(products);
  return row?.n ?? 0;
}
