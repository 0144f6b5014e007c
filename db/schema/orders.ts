import { check, index, integer, pgTable, serial, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./auth";
import { carts } from "./cart";
import { products } from "./catalog";

export const ORDER_STATUSES = [
  "awaiting_payment",
  /** Paymob authorised the card (is_auth) but nothing is captured yet: a hold, not money. Capture or void it. */
  "authorised",
  "paid",
  "payment_failed",
  "needs_review",
  "partially_refunded",
  "refunded",
  "voided",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The languages the store speaks (lib/i18n/routing.ts); an order keeps the one it was placed in, for its emails. */
export const ORDER_LOCALES = ["en", "ar"] as const;
export type OrderLocale = (typeof ORDER_LOCALES)[number];

export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Shown to customers: "NC-" and 8 random Crockford base32 characters, e.g. "NC-7K3M9Q2D" (newOrderReference). */
    reference: text("reference").notNull().unique(),
    status: text("status", { enum: ORDER_STATUSES }).notNull().default("awaiting_payment"),
    totalMinor: integer("total_minor").notNull(),
    currency: text("currency").notNull(),
    refundedMinor: integer("refunded_minor").notNull().default(0),
    /** Double-submit guard: one order per checkout submission key. */
    checkoutKey: text("checkout_key").notNull().unique(),
    // Owner: a signed-in user, or the guest visitor whose cookie placed it.
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    guestId: text("guest_id"),
    /** The cart this order was checked out from: emptied when the order is paid (lib/orders/clear-paid-cart.ts). */
    cartId: uuid("cart_id").references(() => carts.id, { onDelete: "set null" }),
    email: text("email").notNull(),
    phone: text("phone").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    street: text("street").notNull(),
    building: text("building"),
    floor: text("floor"),
    apartment: text("apartment"),
    city: text("city").notNull(),
    state: text("state"),
    country: text("country").notNull(),
    postalCode: text("postal_code"),
    /** The language of the page the order was placed from: its emails are written in it. Older orders were English. */
    locale: text("locale", { enum: ORDER_LOCALES }).notNull().default("en"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp("paid_at", { withTimezone: true }),
  },
  (t) => [
    index("orders_user_idx").on(t.userId),
    index("orders_guest_idx").on(t.guestId),
    index("orders_email_idx").on(t.email),
    index("orders_status_created_idx").on(t.status, t.createdAt),
    check("orders_total_non_negative", sql`${t.totalMinor} >= 0`),
    check("orders_locale", sql`${t.locale} in ('en', 'ar')`),
  ],
);

/** Lines snapshot name and unit price so later catalog edits never rewrite history. */
export const orderLines = pgTable(
  "order_lines",
  {
    id: serial("id").primaryKey(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: integer("product_id").references(() => products.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    unitPriceMinor: integer("unit_price_minor").notNull(),
    quantity: integer("quantity").notNull(),
    lineTotalMinor: integer("line_total_minor").notNull(),
  },
  (t) => [index("order_lines_order_idx").on(t.orderId), check("order_lines_quantity_positive", sql`${t.quantity} > 0`)],
);

export type Order = typeof orders.$inferSelect;
export type OrderLine = typeof orderLines.$inferSelect;
