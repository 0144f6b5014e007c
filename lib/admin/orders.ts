import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { ORDER_STATUSES, orders, type Order, type OrderLine } from "@/db/schema/orders";
import {
  paymentEvents,
  paymentTransactions,
  type PaymentAttempt,
  type PaymentEvent,
  type PaymentTransaction,
} from "@/db/schema/payments";
import type { PaymentReversal } from "@/db/schema/reversals";
import type { Viewer } from "@/lib/auth/session";
import { attemptsOfOrder, findOrderByReference, linesOfOrder } from "@/lib/orders/queries";
import { reversalsOfOrder } from "@/lib/payments/reservation-queries";
import { assertAdmin } from "./guard";
import { attemptLedger, type AttemptLedger } from "./ledger";

const ADMIN_PAGE_SIZE = 20;

/** The list's query string. Anything malformed falls back to "no filter" rather than an error page. */
const adminOrderFilterSchema = z.object({
  q: z.string().trim().max(100).catch("").default(""),
  status: z.enum(ORDER_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
});
export type AdminOrderFilter = z.infer<typeof adminOrderFilterSchema>;

export function parseAdminOrderFilter(params: Record<string, string | string[] | undefined>): AdminOrderFilter {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return adminOrderFilterSchema.parse({
    q: first(params.q),
    status: first(params.status) || undefined,
    page: first(params.page),
  });
}

export type AdminOrderRow = Pick<
  Order,
  | "id"
  | "reference"
  | "status"
  | "email"
  | "firstName"
  | "lastName"
  | "totalMinor"
  | "refundedMinor"
  | "currency"
  | "createdAt"
> & { signedIn: boolean };

/** Escapes LIKE's wildcards so a search for "50%" or "a_b" means those characters. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listAdminOrders(
  viewer: Viewer | null,
  db: Db,
  filter: AdminOrderFilter,
): Promise<{ rows: AdminOrderRow[]; total: number; page: number; pageCount: number }> {
  assertAdmin(viewer);
  const conditions: SQL[] = [];
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    conditions.push(or(ilike(orders.reference, pattern), ilike(orders.email, pattern))!);
  }
  if (filter.status) conditions.push(eq(orders.status, filter.status));
  const where = conditions.length ? and(...conditions) : undefined;

  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(orders).where(where);
  const pageCount = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const rows = await db
    .select({
      id: orders.id,
      reference: orders.reference,
      status: orders.status,
      email: orders.email,
      firstName: orders.firstName,
      lastName: orders.lastName,
      totalMinor: orders.totalMinor,
      refundedMinor: orders.refundedMinor,
      currency: orders.currency,
      createdAt: orders.createdAt,
      userId: orders.userId,
    })
    .from(orders)
    .where(where)
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(ADMIN_PAGE_SIZE)
    .offset((page - 1) * ADMIN_PAGE_SIZE);
  return { rows: rows.map(({ userId, ...row }) => ({ ...row, signedIn: userId !== null })), total, page, pageCount };
}

export type AdminAttempt = PaymentAttempt & {
  ledger: AttemptLedger;
  transactions: PaymentTransaction[];
  reversals: PaymentReversal[];
};
export type AdminOrder = { order: Order; lines: OrderLine[]; attempts: AdminAttempt[]; events: PaymentEvent[] };

/** Everything about one order: lines, each payment attempt with its ledger and refund/void requests, and every callback received. */
export async function loadAdminOrder(viewer: Viewer | null, db: Db, reference: string): Promise<AdminOrder | null> {
  assertAdmin(viewer);
  const order = await findOrderByReference(db, reference);
  if (!order) return null;
  const [lines, attempts, transactions, reversals] = await Promise.all([
    linesOfOrder(db, order.id),
    attemptsOfOrder(db, order.id),
    db
      .select()
      .from(paymentTransactions)
      .where(eq(paymentTransactions.orderId, order.id))
      .orderBy(asc(paymentTransactions.id)),
    reversalsOfOrder(db, order.id),
  ]);
  const events = await db
    .select()
    .from(paymentEvents)
    .where(eventsOfOrder(order.id, attempts))
    .orderBy(asc(paymentEvents.receivedAt), asc(paymentEvents.id));
  return {
    order,
    lines,
    attempts: attempts.map((attempt) => {
      const own = transactions.filter((t) => t.attemptId === attempt.id);
      // Read against the whole order: a payment is a second charge only next to the order's other payments; and
      // with its settled refunds, which Paymob confirmed even where a refund's own callback never arrived.
      return {
        ...attempt,
        transactions: own,
        ledger: attemptLedger(transactions, attempt.id, reversals),
        reversals: reversals.filter((r) => r.attemptId === attempt.id),
      };
    }),
    events,
  };
}

/**
 * The callbacks that concern an order: those applied to it, and those never linked to it that name one of its
 * attempts: a rejected signature (stored with only Paymob's order id, for diagnosing a wrong HMAC secret) or a
 * callback that arrived before its attempt could be matched. Unlinked ones are shown, never trusted.
 */
function eventsOfOrder(
  orderId: string,
  attempts: Pick<PaymentAttempt, "id" | "specialReference" | "intentionOrderId">[],
): SQL {
  const paymobOrderIds = attempts.flatMap((a) => (a.intentionOrderId === null ? [] : [a.intentionOrderId]));
  const conditions: SQL[] = [eq(paymentEvents.orderId, orderId)];
  if (attempts.length) {
    conditions.push(
      inArray(
        paymentEvents.attemptId,
        attempts.map((a) => a.id),
      ),
    );
    conditions.push(
      inArray(
        paymentEvents.merchantOrderId,
        attempts.map((a) => a.specialReference),
      ),
    );
  }
  if (paymobOrderIds.length) conditions.push(inArray(paymentEvents.paymobOrderId, paymobOrderIds));
  return or(...conditions)!;
}

/** One stored callback, if it belongs to the order (the replay form names it by id). */
export async function findEventOfOrder(
  db: Db,
  order: Pick<Order, "id">,
  eventId: number,
): Promise<Pick<PaymentEvent, "id"> | undefined> {
  const attempts = await attemptsOfOrder(db, order.id);
  const [event] = await db
    .select({ id: paymentEvents.id })
    .from(paymentEvents)
    .where(and(eq(paymentEvents.id, eventId), eventsOfOrder(order.id, attempts)))
    .limit(1);
  return event;
}
