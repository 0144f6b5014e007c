import type { Product } from "@/db/schema";

/** A product as the storefront shows it (its row without the bookkeeping columns). */
export type CatalogProduct = Pick<
  Product,
  "id" | "slug" | "name" | "description" | "priceMinor" | "currency" | "image"
>;
