import "server-only";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import {
  paymentAttempts,
  paymentEvents,
  paymentTransactions,
  type PaymentAttempt,
  type PaymentEvent,
  type PaymentTransaction,
} from "@/db/schema/payments";
import { PaymentsDataError } from "./errors";

// The payments aggregate's events and transactions, through the query builder: what the callback path, replay,
// the return page's inquiry and the order timeline read and write. The callback hot path's own statements are SQL
// text, prepared: hot-path-reads.ts and hot-path-writes.ts. The admin's reservations: reservation-queries.ts.

export type TransactionEventValues = Pick<
  PaymentEvent,
  | "source"
  | "rawBody"
  | "signature"
  | "paymobTransactionId"
  | "paymobOrderId"
  | "merchantOrderId"
  | "attemptId"
  | "orderId"
  | "outcome"
  | "detail"
>;

/** A verified transaction that changed nothing (e.g. no attempt matches it); its event id. */
export async function insertTransactionEvent(tx: Tx, values: TransactionEventValues): Promise<number> {
  const [event] = await tx
    .insert(paymentEvents)
    .values({ kind: "TRANSACTION", verification: "valid", ...values })
    .returning({ id: paymentEvents.id });
  if (!event) throw new PaymentsDataError("no_row", "payment event insert returned nothing");
  return event.id;
}

/** A verified saved-card token, linked to the order whose attempt Paymob's order id names, in one statement. */
export async function insertTokenEvent(
  db: Db | Tx,
  values: { rawBody: string; signature: string | null; paymobOrderId: number | null; detail: string },
): Promise<"token_stored" | "unknown_order"> {
  const { paymobOrderId } = values;
  const attempt = sql`(select ${paymentAttempts.id} from ${paymentAttempts} where ${paymentAttempts.intentionOrderId} = ${paymobOrderId} limit 1)`;
  const order = sql`(select ${paymentAttempts.orderId} from ${paymentAttempts} where ${paymentAttempts.intentionOrderId} = ${paymobOrderId} limit 1)`;
  const [event] = await db
    .insert(paymentEvents)
    .values({
      kind: "TOKEN",
      source: "callback",
      verification: "valid",
      rawBody: values.rawBody,
      signature: values.signature,
      paymobOrderId,
      attemptId: attempt,
      orderId: order,
      outcome: sql`case when ${order} is null then 'unknown_order' else 'token_stored' end`,
      detail: values.detail,
    })
    .returning({ outcome: paymentEvents.outcome });
  return event?.outcome === "token_stored" ? "token_stored" : "unknown_order";
}

export async function paymentEventById(db: Db, eventId: number): Promise<PaymentEvent | undefined> {
  const [event] = await db.select().from(paymentEvents).where(eq(paymentEvents.id, eventId));
  return event;
}

/** What a Paymob inquiry answered when it named no transaction to apply (none yet, or the call failed). */
export type InquiryEventValues = Pick<
  PaymentEvent,
  "rawBody" | "merchantOrderId" | "paymobOrderId" | "attemptId" | "orderId" | "outcome" | "detail"
>;

/** An inquiry that applied nothing, as a payment event (source `inquiry`) that the timeline and the interval read. */
export async function insertInquiryEvent(db: Db, values: InquiryEventValues): Promise<void> {
  await db.insert(paymentEvents).values({
    kind: "UNKNOWN",
    source: "inquiry",
    verification: "valid", // an authenticated API answer, not a signed callback; nothing in it changes state
    ...values,
  });
}

/** How many inquiries about the attempt were recorded in the last `withinMs`, on the database clock. */
export async function recentInquiryCount(db: Db, attemptId: string, withinMs: number): Promise<number> {
  const since = sql.raw(`interval '${Math.trunc(withinMs)} milliseconds'`); // a constant literal, never user input
  return db.$count(
    paymentEvents,
    and(
      eq(paymentEvents.attemptId, attemptId),
      eq(paymentEvents.source, "inquiry"),
      sql`${paymentEvents.receivedAt} > now() - ${since}`,
    ),
  );
}

/**
 * Every event about an order, in the order received. A rejected callback may not have been linked to the order,
 * but it still names one of its attempts (by id or by special_reference).
 */
export async function eventsOfOrder(
  db: Db,
  orderId: string,
  attempts: Pick<PaymentAttempt, "id" | "specialReference">[],
): Promise<PaymentEvent[]> {
  return db
    .select()
    .from(paymentEvents)
    .where(
      attempts.length
        ? or(
            eq(paymentEvents.orderId, orderId),
            inArray(
              paymentEvents.attemptId,
              attempts.map((a) => a.id),
            ),
            inArray(
              paymentEvents.merchantOrderId,
              attempts.map((a) => a.specialReference),
            ),
          )
        : eq(paymentEvents.orderId, orderId),
    )
    .orderBy(asc(paymentEvents.receivedAt), asc(paymentEvents.id));
}

/** Every transaction Paymob reported for the order, first recorded first (the timeline's order). */
export async function transactionsOfOrderOldestFirst(db: Db, orderId: string): Promise<PaymentTransaction[]> {
  return db
    .select()
    .from(paymentTransactions)
    .where(eq(paymentTransactions.orderId, orderId))
    .orderBy(asc(paymentTransactions.id));
}
