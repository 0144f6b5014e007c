import "server-only";
import { asc, eq } from "drizzle-orm";
import { cache } from "react";
import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { products, type Product } from "@/db/schema";

export type CatalogProduct = Pick<Product, "id" | "slug" | "name" | "description" | "priceMinor" | "currency" | "image">;

const columns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  description: products.description,
  priceMinor: products.priceMinor,
  currency: products.currency,
  image: products.image,
};

/** Every product, oldest first, which is the catalog's seeded order. */
export async function listProducts(db: Db): Promise<CatalogProduct[]> {
  return db.select(columns).from(products).orderBy(asc(products.id));
}

const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(120);

/** One product by its URL slug; a slug that cannot exist is answered without a query. */
export async function findProductBySlug(db: Db, slug: string): Promise<CatalogProduct | undefined> {
  if (!slugSchema.safeParse(slug).success) return undefined;
  const [product] = await db.select(columns).from(products).where(eq(products.slug, slug));
  return product;
}

/** Per-request memo, so generateMetadata and the page share one lookup. */
export const getProductBySlug = cache(async (slug: string) => findProductBySlug(await getDb(), slug));
