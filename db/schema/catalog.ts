import { check, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

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
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("products_price_non_negative", sql`${t.priceMinor} >= 0`)],
);

export type Product = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;
