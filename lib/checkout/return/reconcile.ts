import "server-only";
import type { Db } from "@/db/client";
import type { Order, PaymentAttempt } from "@/db/schema";
import { attemptOpenedBefore } from "@/lib/orders/checkout-writes";
import { applyTransaction } from "@/lib/payments";
import { insertInquiryEvent, recentInquiryCount } from "@/lib/payments/event-queries";
import { logger } from "@/lib/logger";
import type { PaymobConfig } from "@/lib/paymob/config";
import { PaymobError, PaymobNotFoundError } from "@/lib/paymob/errors";
import type { FetchImpl } from "@/lib/paymob/http";
import { inquireTransaction } from "@/lib/paymob/transactions";

// Paymob's server callback is the source of truth, but it can be late or never come (Paymob publishes no
// retry contract: docs/paymob.md § "Callbacks"). When the customer is back and the order is still unpaid a while
// after checkout opened, ask Paymob directly and feed the answer through the same state machine as a callback.

/** How long after the checkout opened before asking: a normal callback lands well within this. */
export const INQUIRY_GRACE_MS = 15_000;
/** At most one inquiry per attempt per this interval, however many tabs poll. */
export const INQUIRY_INTERVAL_MS = 10_000;
/** The page must not wait on a slow Paymob; the customer's next refresh simply asks again. */
const INQUIRY_TIMEOUT_MS = 5_000;

export type ReconcileResult = "not_needed" | "too_soon" | "rate_limited" | "applied" | "no_transaction" | "failed";
export type ReconcileDeps = { config: PaymobConfig; fetchImpl?: FetchImpl };

const inFlight = new Map<string, Promise<ReconcileResult>>();

export function reconcileStaleAttempt(
  db: Db,
  order: Order,
  attempt: PaymentAttempt,
  deps: ReconcileDeps,
): Promise<ReconcileResult> {
  // Two renders in this process (a poll and a reload) share one inquiry.
  let running = inFlight.get(attempt.id);
  if (!running) {
    running = reconcile(db, order, attempt, deps).finally(() => inFlight.delete(attempt.id));
    inFlight.set(attempt.id, running);
  }
  return running;
}

async function reconcile(db: Db, order: Order, attempt: PaymentAttempt, deps: ReconcileDeps): Promise<ReconcileResult> {
  if (order.status !== "awaiting_payment" || (attempt.status !== "intended" && attempt.status !== "pending"))
    return "not_needed";
  // Timed on the database clock only: the rows' timestamps come from it, and app servers' clocks may differ.
  if (!(await attemptOpenedBefore(db, attempt.id, INQUIRY_GRACE_MS))) return "too_soon";
  if ((await recentInquiryCount(db, attempt.id, INQUIRY_INTERVAL_MS)) > 0) return "rate_limited";

  const fetchImpl = withTimeout(deps.fetchImpl ?? fetch, INQUIRY_TIMEOUT_MS);
  try {
    const { transaction, body } = await inquireTransaction(
      deps.config,
      { merchantOrderId: attempt.specialReference },
      fetchImpl,
    );
    await applyTransaction(db, transaction, { source: "inquiry", rawBody: body });
    return "applied";
  } catch (error) {
    if (!(error instanceof PaymobError)) throw error;
    const noTransaction = error instanceof PaymobNotFoundError;
    const log = logger.child({
      scope: "checkout",
      orderReference: order.reference,
      attemptId: attempt.id,
      specialReference: attempt.specialReference,
    });
    // Recorded so the timeline shows the question was asked, and so the interval above holds across servers.
    await insertInquiryEvent(db, {
      rawBody: JSON.stringify({ error: error.code, status: error.status }),
      merchantOrderId: attempt.specialReference,
      paymobOrderId: attempt.intentionOrderId,
      attemptId: attempt.id,
      orderId: order.id,
      outcome: noTransaction ? "no_transaction" : "inquiry_failed",
      detail: error.message,
    });
    if (noTransaction) {
      log.info("inquiry: no transaction yet");
      return "no_transaction";
    }
    log.error({ reason: error.message }, "inquiry failed");
    return "failed";
  }
}

function withTimeout(fetchImpl: FetchImpl, ms: number): FetchImpl {
  return (input, init) =>
    fetchImpl(input, {
      ...init,
      signal: init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(ms)]) : AbortSignal.timeout(ms),
    });
}
