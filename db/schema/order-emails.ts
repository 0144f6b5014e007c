import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { orders } from "./orders";

/** A text enum: adding a kind needs no migration. */
export const ORDER_EMAIL_KINDS = ["order_confirmed", "refund_issued"] as const;
export type OrderEmailKind = (typeof ORDER_EMAIL_KINDS)[number];

/**
 * The customer emails an order owes, as an outbox: a row is inserted by the same statement that moves the order
 * (lib/payments/hot-path-writes.ts), so it exists exactly when the move committed, and is sent after the commit
 * (lib/mail/order-emails.ts). The unique (order, kind, event key) is what makes "once per event" hold when
 * Paymob repeats or races its callbacks; a row whose send failed or was cut short by a crash stays unsent and
 * is retried.
 */
export const orderEmails = pgTable(
  "order_emails",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ORDER_EMAIL_KINDS }).notNull(),
    /**
     * Which event of that kind: "" for the one confirmation an order gets; for a refund, the order's refunded
     * total after it. Paymob may report one refund twice (the refund's own transaction and the re-notified
     * payment), under two transaction ids but with one new total, so the total names the refund.
     */
    eventKey: text("event_key").notNull().default(""),
    /** What the event moved: the refund's amount (the rise in the refunded total). */
    amountMinor: integer("amount_minor"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Not before this: a lease while one sender holds it, then the backoff after a failure. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("order_emails_event_unique").on(t.orderId, t.kind, t.eventKey),
    index("order_emails_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.sentAt} is null`),
    check("order_emails_attempts_non_negative", sql`${t.attempts} >= 0`),
  ],
);

export type OrderEmail = typeof orderEmails.$inferSelect;
