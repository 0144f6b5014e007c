import "server-only";
import { asc, eq } from "drizzle-orm";
import { cache } from "react";
import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { products } from "@/db/schema";
import type { CatalogProduct } from "./types";

// Every read of `products` by the storefront (the cart's priced join lives with the cart, lib/cart/queries.ts).
// Products are written only by the seed (db/seed.ts).

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

const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(120);

/** One product by its URL slug; a slug that cannot exist is answered without a query. */
export async function findProductBySlug(db: Db, slug: string): Promise<CatalogProduct | undefined> {
  if (!slugSchema.safeParse(slug).success) return undefined;
  const [product] = await db.select(columns).from(products).where(eq(products.slug, slug));
  return product;
}

/** Per-request memo, so generateMetadata and the page share one lookup. */
export const getProductBySlug = cache(async (slug: string) => findProductBySlug(await getDb(), slug));

/** The currency a product is priced in, or undefined when there is no such product. */
export async function findProductCurrency(db: Db, productId: number): Promise<string | undefined> {
  const [product] = await db.select({ currency: products.currency }).from(products).where(eq(products.id, productId));
  return product?.currency;
}
