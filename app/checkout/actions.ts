"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { CheckoutError } from "@/lib/checkout/errors";
import { parseCheckoutForm, type CheckoutFormState } from "@/lib/checkout/start/form";
import { submitCheckout, submitRetry } from "@/lib/checkout/submit";

/** The checkout form: validate, place the order, start the payment, then leave for Paymob (or the Pixel page). */
export async function checkout(_previous: CheckoutFormState, form: FormData): Promise<CheckoutFormState> {
  const parsed = parseCheckoutForm(form);
  if (!parsed.ok) return parsed.state;
  const { submission, values } = parsed;
  const started = await submitCheckout(submission);
  // redirect() throws by design, so it stays out of submitCheckout's try/catch.
  if (started.ok) redirect(started.url);
  return { error: started.error, values, mode: submission.mode, checkoutKey: started.checkoutKey };
}

export type RetryState = { error?: CheckoutError };

/** "Try again" on the return page: a new attempt on the same order, in the same mode. */
export async function tryAgain(_previous: RetryState, form: FormData): Promise<RetryState> {
  const orderId = z.uuid().safeParse(form.get("orderId"));
  if (!orderId.success) return { error: { code: "not_payable" } };
  const started = await submitRetry(orderId.data);
  if (started.ok) redirect(started.url);
  return { error: started.error };
}
