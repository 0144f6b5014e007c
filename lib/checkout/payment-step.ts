import "server-only";
import type { Db } from "@/db/client";
import type { Order, PaymentAttempt } from "@/db/schema";
import { findAttempt, latestAttempt } from "@/lib/orders/queries";
import { markCheckoutOpened } from "@/lib/orders/checkout-writes";
import { returnQuery, unifiedCheckoutUrl } from "@/lib/paymob/urls";
import { isOwner, type Owner } from "./ownership/owner";
import type { CheckoutError } from "./errors";
import type { PaymentDeps } from "./payment-deps";
import { createIntention } from "./start/create-intention";

// Where a customer goes once an order has an attempt: shared by the checkout form (lib/checkout/start) and
// "Try again" (lib/checkout/return/retry.ts), so both send the customer to Paymob the same way, and the URL of
// each step.

/** Where the customer goes next. */
export type CheckoutStep =
  | { kind: "hosted"; url: string; order: Order; attempt: PaymentAttempt }
  | { kind: "pixel"; order: Order; attempt: PaymentAttempt }
  /** The order already left awaiting payment (a resubmitted, already paid form): show its status. */
  | { kind: "settled"; order: Order; attempt: PaymentAttempt | undefined }
  | { kind: "empty_cart" }
  | { kind: "failed"; error: CheckoutError; order?: Order };

/** Creates the intention for a fresh attempt (state `creating`) and routes to Paymob. */
export async function createIntentionAndRoute(
  db: Db,
  order: Order,
  attempt: PaymentAttempt,
  deps: PaymentDeps,
): Promise<CheckoutStep> {
  const result = await createIntention(db, attempt, deps);
  if (!result.ok) return { kind: "failed", error: result.error, order };
  return route(db, order, result.attempt, deps);
}

/** An order that already exists (a resubmitted form, a concurrent "Try again"): follow its newest attempt. */
export async function followExistingOrder(
  db: Db,
  order: Order,
  owner: Owner,
  deps: PaymentDeps,
): Promise<CheckoutStep> {
  if (!isOwner(order, owner)) return { kind: "failed", error: { code: "form_expired" } };
  let attempt = await latestAttempt(db, order.id);
  if (order.status !== "awaiting_payment") return { kind: "settled", order, attempt };
  if (attempt?.status === "creating") attempt = await waitWhileCreating(db, attempt);
  if (!attempt || attempt.status === "creating") return { kind: "failed", error: { code: "still_preparing" }, order };
  if (attempt.status === "creation_failed") return { kind: "failed", error: { code: "not_started" }, order };
  return route(db, order, attempt, deps);
}

/** The URL a step sends the browser to. */
export function nextUrl(step: Exclude<CheckoutStep, { kind: "empty_cart" | "failed" }>): string {
  switch (step.kind) {
    case "hosted":
      return step.url;
    case "pixel":
      return pixelPagePath(step.attempt.id);
    case "settled":
      return step.attempt ? returnPath(step.attempt.specialReference) : "/";
  }
}

/** The return page for an attempt, as Pixel's non-3-D-Secure completion and resubmissions reach it. */
export function returnPath(specialReference: string): string {
  return `/checkout/return?${returnQuery(specialReference)}`;
}

/** The embedded (Pixel) payment page of one attempt. */
function pixelPagePath(attemptId: string): string {
  return `/checkout/pay/${attemptId}`;
}

async function route(db: Db, order: Order, attempt: PaymentAttempt, deps: PaymentDeps): Promise<CheckoutStep> {
  if (attempt.status !== "intended" && attempt.status !== "pending") return { kind: "settled", order, attempt };
  // Recorded here, in the server action that sends the customer on, never by the page they land on: a GET
  // render writes nothing. The Pixel page is reached only through this redirect.
  const opened = (await markCheckoutOpened(db, attempt.id)) ?? attempt;
  if (attempt.mode === "pixel") return { kind: "pixel", order, attempt: opened };
  if (!attempt.clientSecret) throw new Error(`attempt ${attempt.specialReference} is intended without a client secret`);
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
    current = await findAttempt(db, attempt.id);
  }
  return current;
}
