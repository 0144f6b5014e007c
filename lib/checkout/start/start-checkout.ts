import "server-only";
import type { Db } from "@/db/client";
import { loadCart } from "@/lib/cart";
import { findOrderByCheckoutKey } from "@/lib/orders/queries";
import type { Owner } from "../ownership/owner";
import type { PaymentDeps } from "../payment-deps";
import { createIntentionAndRoute, followExistingOrder, type CheckoutStep } from "../payment-step";
import { checkoutLocaleSchema, type CheckoutSubmission } from "./form";
import type { AdmitPaymentStart } from "./payment-start-limits";
import { placeOrder } from "./place-order";

export type StartCheckoutInput = {
  cartId: string | undefined;
  owner: Owner;
  /** Contact, billing, pay mode and the form's checkoutKey. There is no amount: the cart is re-priced here. */
  submission: CheckoutSubmission;
  /** The page's language, recorded on a new order ('en' | 'ar', checked here). English when not given. */
  locale?: string;
  /** The rate limit (./payment-start-limits.ts), asked only when a new order would be placed. */
  admit?: AdmitPaymentStart;
};

/**
 * The checkout server action's logic: re-price the cart, write order + lines + attempt in one transaction
 * (or find the order this form already created), create the Paymob intention, and say where to go next.
 */
export async function startCheckout(db: Db, input: StartCheckoutInput, deps: PaymentDeps): Promise<CheckoutStep> {
  const { submission, owner } = input;
  // Checked before anything is written: the order's emails are rendered in it, long after this request.
  const locale = checkoutLocaleSchema.parse(input.locale ?? "en");

  // A resubmission of a form whose order exists (double click, back button) never needs the cart again.
  const existing = await findOrderByCheckoutKey(db, submission.checkoutKey);
  if (existing) return followExistingOrder(db, existing, owner, deps);

  const cart = await loadCart(db, input.cartId);
  if (cart.lines.length === 0) return { kind: "empty_cart" };
  const admitted = await input.admit?.();
  if (admitted && !admitted.ok) return { kind: "failed", error: admitted.error };

  const placed = await placeOrder(db, {
    cartId: cart.id,
    lines: cart.lines,
    currency: cart.currency,
    owner,
    billing: submission.billing,
    checkoutKey: submission.checkoutKey,
    mode: submission.mode,
    locale,
  });
  if (!placed.created) return followExistingOrder(db, placed.order, owner, deps);
  if (!placed.attempt) throw new Error(`order ${placed.order.reference} was created without an attempt`);
  return createIntentionAndRoute(db, placed.order, placed.attempt, deps);
}
