import "server-only";
import type { Db } from "@/db/client";
import type { Order, PaymentAttempt } from "@/db/schema";
import { attemptsOfOrder, findOrder } from "@/lib/orders/queries";
import { insertCreatingAttempt, lockOrder, moveOrderStatus } from "@/lib/orders/checkout-writes";
import { attemptSpecialReference } from "@/lib/orders/references";
import { canRetry, startRetry } from "@/lib/orders/state-machine";
import { FAILED_ATTEMPT_STATUSES } from "@/lib/orders/statuses";
import { isOwner, type Owner } from "../ownership/owner";
import type { PaymentDeps } from "../payment-deps";
import { createIntentionAndRoute, followExistingOrder, type CheckoutStep } from "../payment-step";
import type { AdmitPaymentStart } from "../start/payment-start-limits";

/**
 * "Try again" on an unpaid order: a new attempt (new special_reference, same mode) and a new intention. The
 * order row is locked so a double click cannot create two attempts; the second click finds the first one's
 * attempt still in progress and follows it instead.
 */
export async function retryPayment(
  db: Db,
  input: { orderId: string; owner: Owner; admit?: AdmitPaymentStart },
  deps: PaymentDeps,
): Promise<CheckoutStep | undefined> {
  const order = await findOrder(db, input.orderId);
  if (!order || !isOwner(order, input.owner)) return undefined;
  const admitted = canRetry(order.status) ? await input.admit?.() : undefined;
  if (admitted && !admitted.ok) return { kind: "failed", error: admitted.error, order };

  const next = await addRetryAttempt(db, order.id);
  if (!next) {
    // Settled meanwhile, or a concurrent click already started an attempt: follow the order as it is now.
    const latest = await findOrder(db, order.id);
    return latest && followExistingOrder(db, latest, input.owner, deps);
  }
  return createIntentionAndRoute(db, next.order, next.attempt, deps);
}

async function addRetryAttempt(
  db: Db,
  orderId: string,
): Promise<{ order: Order; attempt: PaymentAttempt } | undefined> {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order || !canRetry(order.status)) return undefined;
    const attempts = await attemptsOfOrder(tx, orderId);
    const latest = attempts.at(-1);
    if (!latest || !FAILED_ATTEMPT_STATUSES.has(latest.status)) return undefined; // one is still in progress: follow it

    // Back to awaiting payment only from "failed": a late "paid" callback must never be overwritten.
    const reopened = await moveOrderStatus(tx, orderId, order.status, startRetry(order.status));
    const attempt = await insertCreatingAttempt(tx, {
      orderId,
      mode: latest.mode,
      amountMinor: order.totalMinor,
      currency: order.currency,
      specialReference: attemptSpecialReference(order.reference, attempts.length + 1),
    });
    if (!reopened || !attempt) throw new Error(`could not reopen order ${order.reference} for a new attempt`);
    return { order: reopened, attempt };
  });
}
