"use server";

import { getLocale } from "next-intl/server";
import { z } from "zod";
import type { CheckoutError } from "@/lib/checkout/errors";
import { parseCheckoutForm, type CheckoutFormState } from "@/lib/checkout/start/form";
import { redirectInLocale } from "@/lib/i18n/redirect";
import { submitCheckout, submitRetry } from "@/lib/checkout/submit";

/** The checkout form: validate, place the order, start the payment, then leave for Paymob (or the Pixel page). */
export async function checkout(_previous: CheckoutFormState, form: FormData): Promise<CheckoutFormState> {
  const parsed = parseCheckoutForm(form);
  if (!parsed.ok) return parsed.state;
  const { submission, values } = parsed;
  // The order records the page's language, so its emails are written in it.
  const started = await submitCheckout(submission, await getLocale());
  // redirect() throws by design, so it stays out of submitCheckout's try/catch. A page of ours (the Pixel page,
  // the return page) stays in the shopper's language; Paymob's checkout URL is left as it is.
  if (started.ok) return redirectInLocale(started.url);
  return { error: started.error, values, mode: submission.mode, checkoutKey: started.checkoutKey };
}

export type RetryState = { error?: CheckoutError };

/** "Try again" on the return page: a new attempt on the same order, in the same mode. */
export async function tryAgain(_previous: RetryState, form: FormData): Promise<RetryState> {
  const orderId = z.uuid().safeParse(form.get("orderId"));
  if (!orderId.success) return { error: { code: "not_payable" } };
  const started = await submitRetry(orderId.data);
  if (started.ok) return redirectInLocale(started.url);
  return { error: started.error };
}
