import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { orders } from "./orders";

export const ATTEMPT_MODES = ["redirect", "pixel"] as const;
export type AttemptMode = (typeof ATTEMPT_MODES)[number];

export const ATTEMPT_STATUSES = [
  "creating", // row written, intention not created yet
  "intended", // Paymob accepted the intention
  "creation_failed", // Paymob refused the intention; the order stays unpaid
  "pending",
  "declined",
  "authorised", // an authorisation (is_auth) waiting for capture or void
  "paid",
  "needs_review",
  "partially_refunded",
  "refunded",
  "voided",
] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/** One row per Paymob intention. A "Try again" on a failed order is a new attempt. */
export const paymentAttempts = pgTable(
  "payment_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Creation order. Timestamps can tie (same clock tick) and ids are random, so "latest attempt" uses this. */
    sequence: bigserial("sequence", { mode: "number" }).notNull().unique(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    mode: text("mode", { enum: ATTEMPT_MODES }).notNull(),
    status: text("status", { enum: ATTEMPT_STATUSES }).notNull().default("creating"),
    amountMinor: integer("amount_minor").notNull(),
    currency: text("currency").notNull(),
    /** Sent as `special_reference`; Paymob echoes it as `merchant_order_id`. Unique per attempt. */
    specialReference: text("special_reference").notNull().unique(),
    intentionId: text("intention_id").unique(),
    intentionOrderId: bigint("intention_order_id", { mode: "number" }).unique(),
    clientSecret: text("client_secret"),
    paymobTransactionId: bigint("paymob_transaction_id", { mode: "number" }),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    intendedAt: timestamp("intended_at", { withTimezone: true }),
    checkoutOpenedAt: timestamp("checkout_opened_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("payment_attempts_order_idx").on(t.orderId)],
);

export const EVENT_KINDS = ["TRANSACTION", "TOKEN", "UNKNOWN"] as const;
export const EVENT_SOURCES = ["callback", "replay", "inquiry"] as const;
export const VERIFICATIONS = ["valid", "invalid", "missing"] as const;

/** Every received callback: verified ones exactly as they arrived, unverified ones as an excerpt. Never deduplicated. */
export const paymentEvents = pgTable(
  "payment_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind", { enum: EVENT_KINDS }).notNull(),
    source: text("source", { enum: EVENT_SOURCES }).notNull().default("callback"),
    verification: text("verification", { enum: VERIFICATIONS }).notNull(),
    rawBody: text("raw_body").notNull(),
    /** The `?hmac=` exactly as received (null when absent), so a rejected callback can be diagnosed later. */
    signature: text("signature"),
    paymobTransactionId: bigint("paymob_transaction_id", { mode: "number" }),
    paymobOrderId: bigint("paymob_order_id", { mode: "number" }),
    merchantOrderId: text("merchant_order_id"),
    attemptId: uuid("attempt_id").references(() => paymentAttempts.id, { onDelete: "set null" }),
    orderId: uuid("order_id").references(() => orders.id, { onDelete: "set null" }),
    /**
     * Unverified requests keep only an excerpt (anyone can POST 64 KiB): raw_body then holds the first 2 KiB,
     * and these say what the whole body was. Null on rows kept whole (every verified callback).
     */
    bodySha256: text("body_sha256"),
    bodyBytes: integer("body_bytes"),
    bodyTruncated: boolean("body_truncated").notNull().default(false),
    /** What processing did with it, for the timeline: "applied", "duplicate", "unknown_order", … */
    outcome: text("outcome"),
    detail: text("detail"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("payment_events_order_idx").on(t.orderId, t.receivedAt),
    index("payment_events_txn_idx").on(t.paymobTransactionId),
  ],
);

/**
 * One row per distinct Paymob transaction state. The unique (transaction id, fingerprint) pair is what makes
 * duplicate and concurrent deliveries apply once. The fingerprint is a SHA-256 of the values Paymob signs
 * (transactionFingerprint in lib/payments), not the received `hmac`: a re-notification with new flags
 * (is_refunded, is_voided) is a new fact; an identical delivery, an inquiry or a replay of it is not.
 */
export const paymentTransactions = pgTable(
  "payment_transactions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    paymobTransactionId: bigint("paymob_transaction_id", { mode: "number" }).notNull(),
    fingerprint: text("fingerprint").notNull(),
    attemptId: uuid("attempt_id").references(() => paymentAttempts.id, { onDelete: "set null" }),
    orderId: uuid("order_id").references(() => orders.id, { onDelete: "set null" }),
    eventId: bigint("event_id", { mode: "number" }).references(() => paymentEvents.id, { onDelete: "set null" }),
    success: boolean("success").notNull(),
    pending: boolean("pending").notNull(),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    isRefunded: boolean("is_refunded").notNull(),
    isVoided: boolean("is_voided").notNull(),
    hasParentTransaction: boolean("has_parent_transaction").notNull(),
    /** A capture of an authorisation: a child transaction (has_parent_transaction) that takes money, not gives it back. */
    isCapture: boolean("is_capture").notNull().default(false),
    parentTransactionId: bigint("parent_transaction_id", { mode: "number" }),
    refundedAmountCents: integer("refunded_amount_cents"),
    /** What the flags meant (lib/orders/transaction-facts.ts): "paid", "declined", "refund", "void", … */
    fact: text("fact"),
    /** Order status before and after applying this transaction (equal when it changed nothing). */
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    summary: jsonb("summary"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("payment_transactions_txn_fingerprint").on(t.paymobTransactionId, t.fingerprint),
    index("payment_transactions_order_idx").on(t.orderId),
  ],
);

export type PaymentAttempt = typeof paymentAttempts.$inferSelect;
export type PaymentEvent = typeof paymentEvents.$inferSelect;
export type PaymentTransaction = typeof paymentTransactions.$inferSelect;
