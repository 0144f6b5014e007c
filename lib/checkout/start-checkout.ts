import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { paymentAttempts, type Order, type PaymentAttempt } from "@/db/schema";
import { loadCart } from "@/lib/cart";
import { unifiedCheckoutUrl } from "@/lib/paymob/urls";
import type { CheckoutSubmission } from "./form";
import { intendAttempt, markCheckoutOpened, type PaymentDeps } from "./intend";
import { isOwner, type Owner } from "./ownership";
import type { AdmitPaymentStart } from "./payment-start-limits";
import { findOrderByCheckoutKey, latestAttempt, placeOrder } from "./place-order";

export type StartCheckoutInput = {
  cartId: string | undefined;
  owner: Owner;
  /** Contact, billing, pay mode and the form's checkoutKey. There is no amount: the cart is re-priced here. */
  submission: CheckoutSubmission;
  /** The rate limit (lib/checkout/payment-start-limits.ts), asked only when a new order would be placed. */
  admit?: AdmitPaymentStart;
};

/** Where the customer goes next. */
export type CheckoutStep =
  | { kind: "hosted"; url: string; order: Order; attempt: PaymentAttempt }
  | { kind: "pixel"; order: Order; attempt: PaymentAttempt }
  /** The order already left awaiting payment (a resubmitted, already paid form): show its status. */
  | { kind: "settled"; order: Order; attempt: PaymentAttempt | undefined }
  | { kind: "empty_cart" }
  | { kind: "failed"; publicMessage: string; order?: Order };

const STILL_PREPARING = "Your payment is still being prepared. Please wait a moment and try again.";
const FORM_EXPIRED = "This checkout form has expired. Please reload the page.";
const NOT_STARTED = "We couldn't start the payment. Please try again.";

/**
 * The checkout server action's logic: re-price the cart, write order + lines + attempt in one transaction
 * (or find the order this form already created), create the Paymob intention, and say where to go next.
 */
export async function startCheckout(db: Db, input: StartCheckoutInput, deps: PaymentDeps): Promise<CheckoutStep> {
  const { submission, owner } = input;

  // A resubmission of a form whose order exists (double click, back button) never needs the cart again.
  const existing = await findOrderByCheckoutKey(db, submission.checkoutKey);
  if (existing) return continueExisting(db, existing, owner, deps);

  const cart = await loadCart(db, input.cartId);
  if (cart.lines.length === 0) return { kind: "empty_cart" };
  const admitted = await input.admit?.();
  if (admitted && !admitted.ok) return { kind: "failed", publicMessage: admitted.publicMessage };

  const placed = await placeOrder(db, {
    lines: cart.lines,
    currency: cart.currency,
    owner,
    billing: submission.billing,
    checkoutKey: submission.checkoutKey,
    mode: submission.mode,
  });
  if (!placed.created) return continueExisting(db, placed.order, owner, deps);
  if (!placed.attempt) throw new Error(`order ${placed.order.reference} was created without an attempt`);
  return intendAndRoute(db, placed.order, placed.attempt, deps);
}

/** Creates the intention for a fresh attempt and routes to Paymob; shared with "Try again". */
export async function intendAndRoute(db: Db, order: Order, attempt: PaymentAttempt, deps: PaymentDeps): Promise<CheckoutStep> {
  const result = await intendAttempt(db, attempt, deps);
  if (!result.ok) return { kind: "failed", publicMessage: result.publicMessage, order };
  return route(db, order, result.attempt, deps);
}

export async function continueExisting(db: Db, order: Order, owner: Owner, deps: PaymentDeps): Promise<CheckoutStep> {
  if (!isOwner(order, owner)) return { kind: "failed", publicMessage: FORM_EXPIRED };
  let attempt = await latestAttempt(db, order.id);
  if (order.status !== "awaiting_payment") return { kind: "settled", order, attempt };
  if (attempt?.status === "creating") attempt = await waitWhileCreating(db, attempt);
  if (!attempt || attempt.status === "creating") return { kind: "failed", publicMessage: STILL_PREPARING, order };
  if (attempt.status === "creation_failed") return { kind: "failed", publicMessage: NOT_STARTED, order };
  return route(db, order, attempt, deps);
}

async function route(db: Db, order: Order, attempt: PaymentAttempt, deps: PaymentDeps): Promise<CheckoutStep> {
  if (attempt.status !== "intended" && attempt.status !== "pending") return { kind: "settled", order, attempt };
  if (attempt.mode === "pixel") return { kind: "pixel", order, attempt };
  if (!attempt.clientSecret) throw new Error(`attempt ${attempt.specialReference} is intended without a client secret`);
  const opened = (await markCheckoutOpened(db, attempt.id)) ?? attempt;
  return { kind: "hosted", url: unifiedCheckoutUrl(deps.config, attempt.clientSecret), order, attempt: opened };
}

// A concurrent twin of this submission is still waiting for Paymob's answer. Paymob normally answers in well
// under a second; the client itself gives up after 15 s, so waiting a little longer than that is enough.
const WAIT_STEP_MS = 200;
const WAIT_MAX_STEPS = 90;

async function waitWhileCreating(db: Db, attempt: PaymentAttempt): Promise<PaymentAttempt | undefined> {
  let current: PaymentAttempt | undefined = attempt;
  for (let step = 0; step < WAIT_MAX_STEPS && current?.status === "creating"; step++) {
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    [current] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, attempt.id));
  }
  return current;
}
