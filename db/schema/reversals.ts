import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { orders } from "./orders";
import { paymentAttempts } from "./payments";

/**
 * `refund` and `void` of a capture; `capture` and `void` of an authorisation (is_auth), which hold or free the
 * whole authorised amount the same way. A text enum: adding a kind needs no migration.
 */
export const REVERSAL_KINDS = ["refund", "void", "capture"] as const;
export type ReversalKind = (typeof REVERSAL_KINDS)[number];

export const REVERSAL_STATUSES = [
  "pending", // reserved before calling Paymob; counts against what may still be refunded
  "settled", // Paymob's verified callback reported it
  "released", // Paymob refused it, so the amount is free again
] as const;
export type ReversalStatus = (typeof REVERSAL_STATUSES)[number];

/**
 * One row per refund, void or capture an admin asked for, written BEFORE Paymob is called. Pending rows count
 * against what is still refundable (or, on an authorisation, block any other capture or void), so a second
 * request (another tab, another server instance) cannot move money that an earlier request may already be
 * moving. Rows are reserved under the attempt's row lock (lib/admin/reversals.ts,
 * lib/admin/authorisation-reservations.ts) and settled by the callback that reports them
 * (lib/payments/settle-reversal.ts).
 */
export const paymentReversals = pgTable(
  "payment_reversals",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    attemptId: uuid("attempt_id")
      .notNull()
      .references(() => paymentAttempts.id, { onDelete: "cascade" }),
    /** The Paymob transaction being refunded, voided or captured (a capture, or an authorisation), not the child Paymob creates for it. */
    paymobTransactionId: bigint("paymob_transaction_id", { mode: "number" }).notNull(),
    kind: text("kind", { enum: REVERSAL_KINDS }).notNull(),
    /** A void reserves the whole captured (or authorised) amount; a capture, the whole authorised amount. */
    amountMinor: integer("amount_minor").notNull(),
    currency: text("currency").notNull(),
    status: text("status", { enum: REVERSAL_STATUSES }).notNull().default("pending"),
    /** The verified email of the admin who asked. */
    requestedBy: text("requested_by").notNull(),
    /** The child transaction Paymob created for it, once its answer or callback names it. */
    childTransactionId: bigint("child_transaction_id", { mode: "number" }),
    /** Why it was released; on a pending row, why Paymob's answer is unknown. */
    failureReason: text("failure_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** When it was settled or released. */
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [
    index("payment_reversals_txn_status_idx").on(t.paymobTransactionId, t.status),
    index("payment_reversals_order_idx").on(t.orderId),
    // One Paymob child answers one request.
    uniqueIndex("payment_reversals_child_unique").on(t.childTransactionId),
    // A payment (capture or authorisation) is voided at most once: a second void cannot even be reserved.
    uniqueIndex("payment_reversals_one_void")
      .on(t.paymobTransactionId)
      .where(sql`${t.kind} = 'void' and ${t.status} <> 'released'`),
    check("payment_reversals_amount_positive", sql`${t.amountMinor} > 0`),
    check("payment_reversals_released_has_reason", sql`${t.status} <> 'released' or ${t.failureReason} is not null`),
    check("payment_reversals_resolved_at", sql`(${t.status} = 'pending') = (${t.resolvedAt} is null)`),
  ],
);

export type PaymentReversal = typeof paymentReversals.$inferSelect;
