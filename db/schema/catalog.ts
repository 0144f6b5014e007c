import { check, customType, index, integer, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

/** A shelf of the catalog, with its own page at /categories/<slug>; `position` orders the menu. */
export const categories = pgTable("categories", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  position: integer("position").notNull().default(0),
});

/** PostgreSQL's full-text document type; drizzle has no built-in column for it. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** Prices are integer minor units (piastres for EGP, baisa for OMR); currency is always explicit. */
export const products = pgTable(
  "products",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    priceMinor: integer("price_minor").notNull(),
    currency: text("currency").notNull(),
    image: text("image").notNull(),
    // Nullable: a product added outside the seed may not be shelved yet, and still sells.
    categoryId: integer("category_id").references(() => categories.id, { onDelete: "set null" }),
    // Kept by PostgreSQL itself, so no write path can forget it. The name weighs more than the description.
    // 'english' is spelled out: a generated column needs an immutable expression, and it fixes the stemmer
    // whatever the server's default_text_search_config (PGlite, PostgreSQL and Neon all ship it).
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english', "name"), 'A') || setweight(to_tsvector('english', "description"), 'B')`,
      ),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("products_price_non_negative", sql`${t.priceMinor} >= 0`),
    index("products_search_idx").using("gin", t.search),
    index("products_category_idx").on(t.categoryId),
  ],
);

/**
 * Catalog copy in a language other than English (English stays in `products` / `categories`, the default). A
 * field left null or blank falls back to the English one, so a half-translated product still shows whole. The
 * check lists the locales the store knows; adding one is a migration, on purpose.
 */
export const productTranslations = pgTable(
  "product_translations",
  {
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    locale: text("locale").notNull(),
    name: text("name"),
    description: text("description"),
    // The 'simple' parser over text folded by catalog_search_fold() (migration 0008: harakat and shadda, alef / ya /
    // ta marbuta / hamza forms, tatweel, the article), which every server computes identically; the query side
    // (catalog_search_tsquery) folds the same way. Not the Snowball 'arabic' config: PGlite and PostgreSQL 15 ship
    // it, but a stemmer is revised with server releases, and a stored vector must keep matching new queries.
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('simple', catalog_search_fold(coalesce("name", ''))), 'A') || setweight(to_tsvector('simple', catalog_search_fold(coalesce("description", ''))), 'B')`,
      ),
  },
  (t) => [
    primaryKey({ name: "product_translations_pk", columns: [t.productId, t.locale] }),
    check("product_translations_locale", sql`${t.locale} in ('ar')`),
    index("product_translations_search_idx").using("gin", t.search),
  ],
);

/** A shelf's name and description in another language; same fallback rules as product_translations. */
export const categoryTranslations = pgTable(
  "category_translations",
  {
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id, { onDelete: "cascade" }),
    locale: text("locale").notNull(),
    name: text("name"),
    description: text("description"),
  },
  (t) => [
    primaryKey({ name: "category_translations_pk", columns: [t.categoryId, t.locale] }),
    check("category_translations_locale", sql`${t.locale} in ('ar')`),
  ],
);

export type Category = typeof categories.$inferSelect;
export type Product = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;
