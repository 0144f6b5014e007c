import "server-only";
import { and, count, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orderLines, orders, type Order, type OrderLine } from "@/db/schema";

// A customer's view of their orders. Every query is scoped by the signed-in user's id in its WHERE clause: a
// reference alone never finds an order, so guessing another customer's reference gives the same 404 as a typo.

export const ACCOUNT_ORDERS_PAGE_SIZE = 10;

export type CustomerOrderSummary = Pick<Order, "id" | "reference" | "status" | "totalMinor" | "currency" | "createdAt"> & {
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

  const lines = rows.length
    ? await db
        .select({ orderId: orderLines.orderId, name: orderLines.name, quantity: orderLines.quantity })
        .from(orderLines)
        .where(inArray(orderLines.orderId, rows.map((r) => r.id)))
        .orderBy(orderLines.id)
    : [];
  return {
    orders: rows.map((r) => ({ ...r, lines: lines.filter((l) => l.orderId === r.id).map(({ name, quantity }) => ({ name, quantity })) })),
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
  const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(orderLines.id);
  return { order, lines };
}
