import { check, customType, index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
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

export type Category = typeof categories.$inferSelect;
export type Product = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;
