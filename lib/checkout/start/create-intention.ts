import "server-only";
import type { Db } from "@/db/client";
import type { Order, OrderLine, PaymentAttempt } from "@/db/schema";
import { findOrder, linesOfOrder } from "@/lib/orders/queries";
import { markCreationFailed, markIntended } from "@/lib/orders/checkout-writes";
import { logger } from "@/lib/logger";
import { attemptNumberOf } from "@/lib/orders/references";
import { PaymobError } from "@/lib/paymob/errors";
import * as paymob from "@/lib/paymob/intention";
import { cardTokensOf } from "@/lib/saved-cards/queries";
import { paymobFailure, type CheckoutError } from "../errors";
import type { PaymentDeps } from "../payment-deps";

export type CreateIntentionResult =
  { ok: true; attempt: PaymentAttempt } | { ok: false; attempt: PaymentAttempt | undefined; error: CheckoutError };

/**
 * Creates the Paymob intention for an attempt in state `creating` and records the answer. This is a network
 * call, so it runs after the order's transaction has committed; if Paymob refuses, the attempt becomes
 * `creation_failed` with the developer message, and the order simply stays awaiting payment.
 */
export async function createIntention(
  db: Db,
  attempt: PaymentAttempt,
  deps: PaymentDeps,
): Promise<CreateIntentionResult> {
  const order = await findOrder(db, attempt.orderId);
  if (!order) throw new Error(`attempt ${attempt.id} has no order`);
  const lines = await linesOfOrder(db, order.id);
  const log = logger.child({
    scope: "checkout",
    orderReference: order.reference,
    attemptId: attempt.id,
    attempt: attemptNumberOf(attempt.specialReference),
  });

  // A signed-in customer's saved cards are offered again; a guest's order never has any (lib/saved-cards).
  const cardTokens = order.userId ? await cardTokensOf(db, order.userId) : [];

  let intention;
  try {
    intention = await paymob.createIntention(
      deps.config,
      {
        amountMinor: attempt.amountMinor,
        currency: attempt.currency,
        items: lines.map(intentionItem),
        billing: billingData(order),
        specialReference: attempt.specialReference,
        // From lib/app-url.ts: the callback URL carries Vercel's protection bypass, the browser's return URL never does.
        notificationUrl: deps.urls.notificationUrl,
        redirectionUrl: deps.urls.redirectionUrl,
        extras: { order_reference: order.reference },
        cardTokens,
      },
      deps.fetchImpl,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed = await markCreationFailed(db, attempt.id, message);
    log.error({ reason: message }, "intention creation failed");
    if (!(error instanceof PaymobError)) throw error; // a bug, not a refusal: let it surface
    return { ok: false, attempt: failed, error: paymobFailure(error.code) };
  }

  const intended = await markIntended(db, attempt.id, intention);
  if (!intended) throw new Error(`attempt ${attempt.id} left "creating" while its intention was being created`);
  log.info({ intentionId: intention.id, mode: attempt.mode }, "intention created");
  return { ok: true, attempt: intended };
}

function intentionItem(line: OrderLine) {
  return { name: line.name, amountMinor: line.unitPriceMinor, quantity: line.quantity };
}

function billingData(order: Order): paymob.BillingData {
  return {
    firstName: order.firstName,
    lastName: order.lastName,
    email: order.email,
    phoneNumber: order.phone,
    street: order.street,
    building: order.building ?? undefined,
    floor: order.floor ?? undefined,
    apartment: order.apartment ?? undefined,
    city: order.city,
    state: order.state ?? undefined,
    country: order.country,
    postalCode: order.postalCode ?? undefined,
  };
}
