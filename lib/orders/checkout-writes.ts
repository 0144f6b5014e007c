import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { orderLines, orders, paymentAttempts, type Order, type OrderStatus, type PaymentAttempt } from "@/db/schema";
import type { AttemptMode } from "@/db/schema/payments";

// Checkout's statements on the orders aggregate: placing an order and its lines, "Try again", the intention's
// answer, the moment the customer is sent to Paymob. The rules around them stay with the flow that owns them in
// lib/checkout; the reads pages and the admin share are in ./queries. Functions that take a `Tx` belong inside the
// caller's transaction.

/**
 * The order row, or undefined when a unique column clashed: checkout_key (a double submit of one form, the loser
 * waiting for the winner's commit) or reference (a 1-in-10¹² collision). Nothing is inserted then.
 */
export async function insertOrder(tx: Tx, values: typeof orders.$inferInsert): Promise<Order | undefined> {
  const [order] = await tx.insert(orders).values(values).onConflictDoNothing().returning();
  return order;
}

export async function insertOrderLines(tx: Tx, lines: (typeof orderLines.$inferInsert)[]): Promise<void> {
  await tx.insert(orderLines).values(lines);
}

export type NewAttempt = Pick<PaymentAttempt, "orderId" | "amountMinor" | "currency" | "specialReference"> & {
  mode: AttemptMode;
};

/** An attempt waiting for its Paymob intention (state `creating`): an order's first, or a "Try again". */
export async function insertCreatingAttempt(tx: Tx, values: NewAttempt): Promise<PaymentAttempt | undefined> {
  const [attempt] = await tx
    .insert(paymentAttempts)
    .values({
      orderId: values.orderId,
      mode: values.mode,
      status: "creating",
      amountMinor: values.amountMinor,
      currency: values.currency,
      specialReference: values.specialReference,
    })
    .returning();
  return attempt;
}

/** Locks the order row until the transaction ends, so two "Try again" clicks cannot both add an attempt. */
export async function lockOrder(tx: Tx, orderId: string): Promise<Order | undefined> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
  return order;
}

/** Moves the order from `from` to `to`; undefined when it is no longer in `from` (a late "paid" is never overwritten). */
export async function moveOrderStatus(
  tx: Tx,
  orderId: string,
  from: OrderStatus,
  to: OrderStatus,
): Promise<Order | undefined> {
  const [moved] = await tx
    .update(orders)
    .set({ status: to, updatedAt: sql`now()` })
    .where(and(eq(orders.id, orderId), eq(orders.status, from)))
    .returning();
  return moved;
}

/** Paymob refused the intention: the attempt becomes `creation_failed` with the developer message. */
export async function markCreationFailed(
  db: Db,
  attemptId: string,
  message: string,
): Promise<PaymentAttempt | undefined> {
  const [failed] = await db
    .update(paymentAttempts)
    .set({ status: "creation_failed", error: message, updatedAt: sql`now()` })
    .where(and(eq(paymentAttempts.id, attemptId), eq(paymentAttempts.status, "creating")))
    .returning();
  return failed;
}

/** Paymob's intention for an attempt still `creating`; undefined when the attempt has left that state. */
export async function markIntended(
  db: Db,
  attemptId: string,
  intention: { id: string; intentionOrderId: number; clientSecret: string },
): Promise<PaymentAttempt | undefined> {
  const [intended] = await db
    .update(paymentAttempts)
    .set({
      status: "intended",
      intentionId: intention.id,
      intentionOrderId: intention.intentionOrderId,
      clientSecret: intention.clientSecret,
      intendedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(paymentAttempts.id, attemptId), eq(paymentAttempts.status, "creating")))
    .returning();
  return intended;
}

/** First time the customer is sent to Paymob's page (hosted redirect or the Pixel page); later visits keep it. */
export async function markCheckoutOpened(db: Db, attemptId: string): Promise<PaymentAttempt | undefined> {
  const [opened] = await db
    .update(paymentAttempts)
    .set({ checkoutOpenedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(paymentAttempts.id, attemptId), isNull(paymentAttempts.checkoutOpenedAt)))
    .returning();
  return opened;
}

/**
 * Whether `graceMs` has passed since the attempt's checkout opened (or its intention, if never opened). Timed on
 * the database clock only: the rows' timestamps come from it, and app servers' clocks may differ.
 */
export async function attemptOpenedBefore(db: Db, attemptId: string, graceMs: number): Promise<boolean> {
  const [timing] = await db
    .select({
      due: sql<boolean>`coalesce(${paymentAttempts.checkoutOpenedAt}, ${paymentAttempts.intendedAt}) <= now() - ${millisecondsInterval(graceMs)}`,
    })
    .from(paymentAttempts)
    .where(eq(paymentAttempts.id, attemptId));
  return timing?.due ?? false;
}

/** A constant interval literal (never user input). */
const millisecondsInterval = (ms: number) => sql.raw(`interval '${Math.trunc(ms)} milliseconds'`);
