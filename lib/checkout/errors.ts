import type { PaymobErrorCode } from "@/lib/paymob/errors";

// Why a payment could not be started, as the shopper is told: a code and the facts its sentence needs, never an
// English sentence. The form, "Try again" and the Pixel page say it in the page's language (messages
// "checkout.errors", components/checkout/checkout-error.ts). Free of imports at run time: the client reads it.

export const CHECKOUT_ERROR_CODES = [
  /** The form has fields in error; each says what is wrong beside it. */
  "fix_fields",
  "choose_pay_mode",
  "form_expired",
  "empty_cart",
  /** A bug or outage of ours; nothing was charged. */
  "server_error",
  "not_payable",
  /** A twin submission is still waiting for Paymob's answer. */
  "still_preparing",
  "not_started",
  "rate_limited",
  /** The Paymob configuration is incomplete (PaymobConfigError). */
  "payment_unavailable",
  /** The client refused to send what Paymob would reject or misprice. */
  "order_not_payable",
  /** Paymob answered 400 to the order's details. */
  "details_rejected",
  /** No usable answer from Paymob: network, timeout, 5xx, or an unexpected one. */
  "provider_unreachable",
] as const;

type CheckoutErrorCode = (typeof CHECKOUT_ERROR_CODES)[number];

export type CheckoutError =
  { code: "rate_limited"; retryAfterSeconds: number } | { code: Exclude<CheckoutErrorCode, "rate_limited"> };

/** What the shopper is told when Paymob refused or failed (the developer's detail stays in the log). */
export function paymobFailure(code: PaymobErrorCode): CheckoutError {
  switch (code) {
    case "config":
      return { code: "payment_unavailable" };
    case "invalid_input":
    case "unmatched_item_prices":
      return { code: "order_not_payable" };
    case "validation":
      return { code: "details_rejected" };
    default:
      return { code: "provider_unreachable" };
  }
}
