import "server-only";
import { and, asc, count, desc, eq, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import {
  orderLines,
  orders,
  productTranslations,
  paymentAttempts,
  type Order,
  type OrderLine,
  type PaymentAttempt,
} from "@/db/schema";
import type { OrderLocale } from "@/db/schema/orders";

// The reads of the orders aggregate (an order, its lines and its payment attempts) that pages, checkout and the
// admin share. Checkout's writes are in ./checkout-writes; state changes a payment causes are lib/payments', under
// the order's row lock.

type Reader = Db | Tx;

export async function findOrder(db: Reader, orderId: string): Promise<Order | undefined> {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  return order;
}

/** By the public reference ("NC-7K3M9Q2D"). Callers that show it to a customer must check ownership. */
export async function findOrderByReference(db: Reader, reference: string): Promise<Order | undefined> {
  const [order] = await db.select().from(orders).where(eq(orders.reference, reference)).limit(1);
  return order;
}

/** The order one rendered checkout form created, if it was submitted before (double-submit guard). */
export async function findOrderByCheckoutKey(db: Reader, checkoutKey: string): Promise<Order | undefined> {
  const [order] = await db.select().from(orders).where(eq(orders.checkoutKey, checkoutKey));
  return order;
}

/** The order's lines in the order they were placed. */
export function linesOfOrder(db: Reader, orderId: string): Promise<OrderLine[]> {
  return db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.id));
}

/**
 * The order's lines with each product named in `locale`, for the order's emails: the catalog's translation where
 * the product has one, else the name kept at checkout (English, the catalog's own). The snapshot stays the record
 * (the admin and the account pages read it); an email sent minutes after the payment names the product the way
 * the shopper read it on the Arabic pages, which is the translation.
 */
export function linesOfOrderIn(db: Reader, orderId: string, locale: OrderLocale): Promise<OrderLine[]> {
  if (locale === "en") return linesOfOrder(db, orderId);
  return db
    .select({
      ...getTableColumns(orderLines),
      name: sql<string>`coalesce(${productTranslations.name}, ${orderLines.name})`,
    })
    .from(orderLines)
    .leftJoin(
      productTranslations,
      and(eq(productTranslations.productId, orderLines.productId), eq(productTranslations.locale, locale)),
    )
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.id));
}

/** Every payment attempt of the order, first attempt first. */
export function attemptsOfOrder(db: Reader, orderId: string): Promise<PaymentAttempt[]> {
  return db
    .select()
    .from(paymentAttempts)
    .where(eq(paymentAttempts.orderId, orderId))
    .orderBy(asc(paymentAttempts.sequence));
}

/** The attempt being paid now: the order's newest. */
export async function latestAttempt(db: Reader, orderId: string): Promise<PaymentAttempt | undefined> {
  const [attempt] = await db
    .select()
    .from(paymentAttempts)
    .where(eq(paymentAttempts.orderId, orderId))
    .orderBy(desc(paymentAttempts.sequence))
    .limit(1);
  return attempt;
}

export async function findAttempt(db: Reader, attemptId: string): Promise<PaymentAttempt | undefined> {
  const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, attemptId));
  return attempt;
}

/** How a page names an attempt: its id (Pixel page), our special_reference, or Paymob's order id (redirect). */
export type AttemptLookup = { attemptId: string } | { specialReference: string } | { paymobOrderId: number };

/** The attempt with its order, whoever owns it: callers decide who may see it. */
export async function findAttemptWithOrder(
  db: Reader,
  lookup: AttemptLookup,
): Promise<{ order: Order; attempt: PaymentAttempt } | undefined> {
  const [row] = await db
    .select({ attempt: paymentAttempts, order: orders })
    .from(paymentAttempts)
    .innerJoin(orders, eq(orders.id, paymentAttempts.orderId))
    .where(attemptCondition(lookup));
  return row;
}

function attemptCondition(lookup: AttemptLookup): SQL {
  if ("attemptId" in lookup) return eq(paymentAttempts.id, lookup.attemptId);
  if ("specialReference" in lookup) return eq(paymentAttempts.specialReference, lookup.specialReference);
  return eq(paymentAttempts.intentionOrderId, lookup.paymobOrderId);
}

// A customer's view of their orders. Every query is scoped by the signed-in user's id in its WHERE clause: a
// reference alone never finds an order, so guessing another customer's reference gives the same 404 as a typo.

const ACCOUNT_ORDERS_PAGE_SIZE = 10;

export type CustomerOrderSummary = Pick<
  Order,
  "id" | "reference" | "status" | "totalMinor" | "currency" | "createdAt"
> & {
  lines: Pick<OrderLine, "name" | "quantity">[];
};

export async function listCustomerOrders(
  db: Db,
  userId: string,
  page = 1,
): Promise<{ orders: CustomerOrderSummary[]; total: number; page: number; pageCount: number }> {
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(orders).where(eq(orders.userId, userId));
  const pageCount = Math.max(1, Math.ceil(total / ACCOUNT_ORDERS_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  const rows = await db
    .select({
      id: orders.id,
      reference: orders.reference,
      status: orders.status,
      totalMinor: orders.totalMinor,
      currency: orders.currency,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .where(eq(orders.userId, userId))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(ACCOUNT_ORDERS_PAGE_SIZE)
    .offset((current - 1) * ACCOUNT_ORDERS_PAGE_SIZE);

  // The lines of a whole page in one query, not one per order.
  const lines = rows.length
    ? await db
        .select({ orderId: orderLines.orderId, name: orderLines.name, quantity: orderLines.quantity })
        .from(orderLines)
        .where(
          inArray(
            orderLines.orderId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(orderLines.id)
    : [];
  return {
    orders: rows.map((r) => ({
      ...r,
      lines: lines.filter((l) => l.orderId === r.id).map(({ name, quantity }) => ({ name, quantity })),
    })),
    total,
    page: current,
    pageCount,
  };
}

export type CustomerOrder = { order: Order; lines: OrderLine[] };

/** One of this user's orders by its public reference, or null (not found, or someone else's). */
export async function loadCustomerOrder(db: Db, userId: string, reference: string): Promise<CustomerOrder | null> {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.reference, reference), eq(orders.userId, userId)))
    .limit(1);
  if (!order) return null;
  return { order, lines: await linesOfOrder(db, order.id) };
}
