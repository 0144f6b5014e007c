import "server-only";
import { getDb } from "@/db/client";
import { readCartId } from "@/lib/cart";
import { logger } from "@/lib/logger";
import { newCheckoutKey } from "@/lib/orders/references";
import { PaymobError } from "@/lib/paymob/errors";
import { requestClientAddress } from "@/lib/rate-limit/request-client";
import { paymobFailure, type CheckoutError } from "./errors";
import { currentOwner } from "./ownership/owner";
import { ensureVisitorId } from "./ownership/visitor";
import { paymentDeps } from "./payment-deps";
import { nextUrl, type CheckoutStep } from "./payment-step";
import { retryPayment } from "./return/retry";
import type { CheckoutSubmission } from "./start/form";
import { rememberPayMode } from "./start/pay-mode";
import { admitPaymentStart } from "./start/payment-start-limits";
import { startCheckout } from "./start/start-checkout";

// The two ways a customer starts a payment, wired to the current request (cookies, database, client address,
// Paymob). The server actions in app/checkout/actions.ts call these and only decide between redirect and form.

/** Leave for `url`, or stay on the form with `error` (and a fresh form key when the next submit must be a new order). */
export type PaymentStart = { ok: true; url: string } | { ok: false; error: CheckoutError; checkoutKey?: string };

/**
 * The checkout form, validated: place the order (in `locale`, the page's language), start the payment, and say
 * where the customer goes.
 */
export async function submitCheckout(submission: CheckoutSubmission, locale: string): Promise<PaymentStart> {
  await rememberPayMode(submission.mode);
  let step: CheckoutStep;
  try {
    const guestId = await ensureVisitorId();
    const owner = { ...(await currentOwner()), guestId };
    const db = await getDb();
    const client = await requestClientAddress();
    const admit = () => admitPaymentStart(db, { owner, client });
    step = await startCheckout(db, { cartId: await readCartId(), owner, submission, locale, admit }, paymentDeps());
  } catch (error) {
    return { ok: false, error: publicErrorOf(error), checkoutKey: newCheckoutKey() };
  }
  if (step.kind === "empty_cart") return { ok: false, error: { code: "empty_cart" } };
  // A fresh key: the corrected resubmission must become a new order, not reuse the refused one.
  if (step.kind === "failed") return { ok: false, error: step.error, checkoutKey: newCheckoutKey() };
  return { ok: true, url: nextUrl(step) };
}

/** "Try again" on the return page: a new attempt on the same order, in the same mode. */
export async function submitRetry(orderId: string): Promise<PaymentStart> {
  let step: CheckoutStep | undefined;
  try {
    const [db, owner, client] = await Promise.all([getDb(), currentOwner(), requestClientAddress()]);
    const admit = () => admitPaymentStart(db, { owner, client });
    step = await retryPayment(db, { orderId, owner, admit }, paymentDeps());
  } catch (error) {
    return { ok: false, error: publicErrorOf(error) };
  }
  if (!step || step.kind === "empty_cart") return { ok: false, error: { code: "not_payable" } };
  if (step.kind === "failed") return { ok: false, error: step.error };
  return { ok: true, url: nextUrl(step) };
}

function publicErrorOf(error: unknown): CheckoutError {
  logger.error({ scope: "checkout", err: error }, "could not start the payment");
  return error instanceof PaymobError ? paymobFailure(error.code) : { code: "server_error" };
}
