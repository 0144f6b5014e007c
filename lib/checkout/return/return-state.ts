import "server-only";
import type { Db } from "@/db/client";
import type { Order, OrderLine, PaymentAttempt } from "@/db/schema";
import { findOrder, latestAttempt, type AttemptLookup } from "@/lib/orders/queries";
import { canRetry } from "@/lib/orders/state-machine";
import { FAILED_ATTEMPT_STATUSES, IN_PROGRESS_ATTEMPT_STATUSES } from "@/lib/orders/statuses";
import { loadOwnedAttempt } from "../ownership/owned-attempt";
import type { Owner } from "../ownership/owner";

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
  const order = (await findOrder(db, found.order.id)) ?? found.order;
  return {
    order,
    lines: found.lines,
    current,
    awaiting: order.status === "awaiting_payment" && IN_PROGRESS_ATTEMPT_STATUSES.has(current.status),
    retryable: canRetry(order.status) && FAILED_ATTEMPT_STATUSES.has(current.status),
  };
}
