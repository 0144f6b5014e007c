import "server-only";
import { and, asc, eq, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orderEmails, type OrderEmail } from "@/db/schema/order-emails";

// The statements of the order-email outbox (db/schema/order-emails.ts). Rows are inserted by the payments hot
// path in the statement that moves the order (lib/payments/hot-path-writes.ts); here they are claimed, marked
// sent, or put back for a retry.

/**
 * Claims up to `limit` unsent rows that are due at `now` and not held by another sender, and holds them until
 * `leaseUntil`: a sender that dies mid-send lets its rows come back after the lease instead of losing them.
 * SKIP LOCKED lets two senders (two server instances, two callbacks' after-hooks) split the rows instead of
 * sending one row twice.
 */
export async function claimDueEmails(
  db: Db,
  options: { now: Date; leaseUntil: Date; limit: number; maxAttempts: number },
): Promise<OrderEmail[]> {
  const due = db
    .select({ id: orderEmails.id })
    .from(orderEmails)
    .where(
      and(
        isNull(orderEmails.sentAt),
        lte(orderEmails.nextAttemptAt, options.now),
        lt(orderEmails.attempts, options.maxAttempts),
      ),
    )
    .orderBy(asc(orderEmails.id))
    .limit(options.limit)
    .for("update", { skipLocked: true });
  return db
    .update(orderEmails)
    .set({ nextAttemptAt: options.leaseUntil, attempts: sql`${orderEmails.attempts} + 1` })
    .where(and(inArray(orderEmails.id, due), isNull(orderEmails.sentAt)))
    .returning();
}

export async function markEmailSent(db: Db, id: number, at: Date): Promise<void> {
  await db.update(orderEmails).set({ sentAt: at, lastError: null }).where(eq(orderEmails.id, id));
}

/** Puts a claimed row back, due again at `retryAt`, with what went wrong for an operator. */
export async function markEmailFailed(db: Db, id: number, error: string, retryAt: Date): Promise<void> {
  await db
    .update(orderEmails)
    .set({ nextAttemptAt: retryAt, lastError: error.slice(0, 1000) })
    .where(and(eq(orderEmails.id, id), isNull(orderEmails.sentAt)));
}

/** The emails an order owes or sent, oldest first (the admin order page, tests). */
export function emailsOfOrder(db: Db, orderId: string): Promise<OrderEmail[]> {
  return db.select().from(orderEmails).where(eq(orderEmails.orderId, orderId)).orderBy(asc(orderEmails.id));
}
