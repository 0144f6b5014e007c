import type { Category, Product } from "@/db/schema";
import type { StoreLocale } from "@/lib/locale";

/** A product as the storefront shows it (its row without the bookkeeping columns). */
export type CatalogProduct = Pick<
  Product,
  "id" | "slug" | "name" | "description" | "priceMinor" | "currency" | "image"
>;

/** A product page's product: the card's fields plus the shelf it sits on, if any. */
export type ProductDetail = CatalogProduct & { category: CategoryRef | null };

/** Enough of a category to link to it. */
type CategoryRef = Pick<Category, "slug" | "name">;

/** A shelf as the menu and its page show it, with how many products are on it. */
export type CatalogCategory = Pick<Category, "id" | "slug" | "name" | "description"> & { productCount: number };

/**
 * The language catalog copy is read in: the store's languages (lib/locale.ts). English is the products /
 * categories rows themselves; another locale reads product_translations / category_translations, falling back to
 * English field by field.
 */
export type CatalogLocale = StoreLocale;
