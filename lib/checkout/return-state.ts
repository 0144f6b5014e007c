import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders, type Order, type OrderLine, type PaymentAttempt } from "@/db/schema";
import { canRetry } from "@/lib/orders/state-machine";
import { loadOwnedAttempt, type AttemptLookup } from "./owned-attempt";
import type { Owner } from "./ownership";
import { latestAttempt } from "./place-order";

const IN_PROGRESS = new Set<PaymentAttempt["status"]>(["creating", "intended", "pending"]);
const FAILED = new Set<PaymentAttempt["status"]>(["declined", "creation_failed", "voided"]);

export type ReturnState = {
  order: Order;
  lines: OrderLine[];
  /** The order's newest attempt: the one being paid now (the URL may name an older one). */
  current: PaymentAttempt;
  /** Still waiting for Paymob: the page polls, and asks the inquiry API when the callback is overdue. */
  awaiting: boolean;
  /** The last attempt failed and the order is unpaid: offer "Try again". */
  retryable: boolean;
};

/** What the return page shows, for the owner only (undefined for anyone else, or an unknown attempt). */
export async function loadReturnState(db: Db, lookup: AttemptLookup, owner: Owner): Promise<ReturnState | undefined> {
  const found = await loadOwnedAttempt(db, lookup, owner);
  if (!found) return undefined;
  const current = (await latestAttempt(db, found.order.id)) ?? found.attempt;
  // Read the order after its attempt: the state machine moves both in one transaction, so the order is then at
  // least as new as the attempt, and "awaiting" can never be decided from an order older than its payment.
  const [order = found.order] = await db.select().from(orders).where(eq(orders.id, found.order.id));
  const unpaid = canRetry(order.status);
  return {
    order,
    lines: found.lines,
    current,
    awaiting: order.status === "awaiting_payment" && IN_PROGRESS.has(current.status),
    retryable: unpaid && FAILED.has(current.status),
  };
}
