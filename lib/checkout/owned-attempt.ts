import "server-only";
import { asc, eq, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orderLines, orders, paymentAttempts, type Order, type OrderLine, type PaymentAttempt } from "@/db/schema";
import { isOwner, type Owner } from "./ownership";

export type OwnedAttempt = { order: Order; attempt: PaymentAttempt; lines: OrderLine[] };

/** How a page names an attempt: its id (Pixel page), our special_reference, or Paymob's order id (redirect). */
export type AttemptLookup = { attemptId: string } | { specialReference: string } | { paymobOrderId: number };

/**
 * The attempt with its order and lines, only when `owner` owns the order. Anyone else gets undefined, exactly
 * as if it did not exist, so a leaked return URL reveals nothing (the page answers 404 either way).
 */
export async function loadOwnedAttempt(db: Db, lookup: AttemptLookup, owner: Owner): Promise<OwnedAttempt | undefined> {
  const [row] = await db
    .select({ attempt: paymentAttempts, order: orders })
    .from(paymentAttempts)
    .innerJoin(orders, eq(orders.id, paymentAttempts.orderId))
    .where(condition(lookup));
  if (!row || !isOwner(row.order, owner)) return undefined;
  const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, row.order.id)).orderBy(asc(orderLines.id));
  return { ...row, lines };
}

function condition(lookup: AttemptLookup): SQL {
  if ("attemptId" in lookup) return eq(paymentAttempts.id, lookup.attemptId);
  if ("specialReference" in lookup) return eq(paymentAttempts.specialReference, lookup.specialReference);
  return eq(paymentAttempts.intentionOrderId, lookup.paymobOrderId);
}
