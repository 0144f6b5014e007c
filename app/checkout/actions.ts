"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { readCartId } from "@/lib/cart";
import { paymentDeps, pixelPagePath, returnPath } from "@/lib/checkout/deps";
import { parseCheckoutForm, type CheckoutFormState } from "@/lib/checkout/form";
import { currentOwner } from "@/lib/checkout/owner";
import { admitPaymentStart } from "@/lib/checkout/payment-start-limits";
import { rememberPayMode } from "@/lib/checkout/pay-mode";
import { newCheckoutKey } from "@/lib/checkout/references";
import { retryPayment } from "@/lib/checkout/retry";
import { startCheckout, type CheckoutStep } from "@/lib/checkout/start-checkout";
import { ensureVisitorId } from "@/lib/checkout/visitor";
import { PaymobError } from "@/lib/paymob/errors";
import { requestClientAddress } from "@/lib/rate-limit/request-client";

const SOMETHING_WENT_WRONG = "Something went wrong on our side and no payment was taken. Please try again.";

/** The checkout form: validate, place the order, start the payment, then leave for Paymob (or the Pixel page). */
export async function checkout(_previous: CheckoutFormState, form: FormData): Promise<CheckoutFormState> {
  const parsed = parseCheckoutForm(form);
  if (!parsed.ok) return parsed.state;
  const { submission, values } = parsed;
  await rememberPayMode(submission.mode);

  let step: CheckoutStep;
  try {
    const guestId = await ensureVisitorId();
    const owner = { ...(await currentOwner()), guestId };
    const db = await getDb();
    const client = await requestClientAddress();
    const admit = () => admitPaymentStart(db, { owner, client });
    step = await startCheckout(db, { cartId: await readCartId(), owner, submission, admit }, paymentDeps());
  } catch (error) {
    return { message: publicMessageOf(error), values, mode: submission.mode, checkoutKey: newCheckoutKey() };
  }

  // redirect() throws by design, so it stays outside the try.
  if (step.kind === "empty_cart") return { message: "Your cart is empty, so there is nothing to pay for.", values, mode: submission.mode };
  // A fresh key: the corrected resubmission must become a new order, not reuse the refused one.
  if (step.kind === "failed") return { message: step.publicMessage, values, mode: submission.mode, checkoutKey: newCheckoutKey() };
  redirect(nextUrl(step));
}

export type RetryState = { message?: string };

/** "Try again" on the return page: a new attempt on the same order, in the same mode. */
export async function tryAgain(_previous: RetryState, form: FormData): Promise<RetryState> {
  const orderId = z.uuid().safeParse(form.get("orderId"));
  if (!orderId.success) return { message: "This order can't be paid again from here." };

  let step: CheckoutStep | undefined;
  try {
    const [db, owner, client] = await Promise.all([getDb(), currentOwner(), requestClientAddress()]);
    const admit = () => admitPaymentStart(db, { owner, client });
    step = await retryPayment(db, { orderId: orderId.data, owner, admit }, paymentDeps());
  } catch (error) {
    return { message: publicMessageOf(error) };
  }
  if (!step || step.kind === "empty_cart") return { message: "This order can't be paid again from here." };
  if (step.kind === "failed") return { message: step.publicMessage };
  redirect(nextUrl(step));
}

function nextUrl(step: Exclude<CheckoutStep, { kind: "empty_cart" | "failed" }>): string {
  switch (step.kind) {
    case "hosted":
      return step.url;
    case "pixel":
      return pixelPagePath(step.attempt.id);
    case "settled":
      return step.attempt ? returnPath(step.attempt.specialReference) : "/";
  }
}

function publicMessageOf(error: unknown): string {
  console.error("[checkout] could not start the payment:", error);
  return error instanceof PaymobError ? error.publicMessage : SOMETHING_WENT_WRONG;
}
