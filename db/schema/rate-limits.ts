import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Fixed-window request counters shared by every server instance (lib/rate-limit/limiter.ts). One row per key
 * ("magic-link:email:ana@example.com"): a hit in a newer window resets it, so a busy key never grows the table.
 * Rows whose window has passed are deleted a few at a time by later hits (expires_at is indexed for that).
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("rate_limits_expires_idx").on(t.expiresAt)],
);

export type RateLimitRow = typeof rateLimits.$inferSelect;
