import "server-only";
import type { Db } from "@/db/client";
import type { Order, PaymentAttempt } from "@/db/schema";
import type { OrderLocale } from "@/db/schema/orders";
import type { AttemptMode } from "@/db/schema/payments";
import { lineTotal, sumMinor } from "@/lib/money";
import { findOrderByCheckoutKey, latestAttempt } from "@/lib/orders/queries";
import { insertCreatingAttempt, insertOrder, insertOrderLines } from "@/lib/orders/checkout-writes";
import { attemptSpecialReference, newOrderReference } from "@/lib/orders/references";
import type { Owner } from "../ownership/owner";
import type { Billing } from "./form";

/** A cart line as re-priced from the database (lib/cart's CartLineView has these fields). */
type PricedLine = { productId: number; name: string; unitPriceMinor: number; quantity: number };

export type PlaceOrderInput = {
  /** The cart being checked out, emptied once the order is paid (lib/orders/clear-paid-cart.ts). */
  cartId: string | null;
  lines: readonly PricedLine[];
  currency: string;
  owner: Owner;
  billing: Billing;
  checkoutKey: string;
  mode: AttemptMode;
  /** The language the order's emails are written in. */
  locale: OrderLocale;
};

export type PlacedOrder = { order: Order; attempt: PaymentAttempt | undefined; created: boolean };

const MAX_REFERENCE_TRIES = 5;

/**
 * Writes the order, its lines and its first payment attempt in one transaction, or finds the order an
 * earlier submission of the same form (same checkoutKey) already wrote. The unique checkout_key makes two
 * concurrent submissions of one form converge on one order: the loser's insert waits for the winner's
 * commit, then does nothing, and it reads the winner's rows. The total is computed here, never received.
 */
export async function placeOrder(db: Db, input: PlaceOrderInput): Promise<PlacedOrder> {
  if (input.lines.length === 0) throw new RangeError("placeOrder needs at least one line");
  if (!input.owner.guestId && !input.owner.userId)
    throw new Error("placeOrder needs an owner (visitor cookie or user)");
  const priced = input.lines.map((line) => ({
    ...line,
    lineTotalMinor: lineTotal(line.unitPriceMinor, line.quantity),
  }));
  const totalMinor = sumMinor(priced.map((line) => line.lineTotalMinor));

  for (let i = 0; i < MAX_REFERENCE_TRIES; i++) {
    const result = await db.transaction(async (tx) => {
      const reference = newOrderReference();
      // Any unique clash (checkout_key: a double submit; reference: a 1-in-10¹² collision) inserts nothing.
      const order = await insertOrder(tx, {
        reference,
        status: "awaiting_payment",
        totalMinor,
        currency: input.currency,
        checkoutKey: input.checkoutKey,
        userId: input.owner.userId ?? null,
        guestId: input.owner.guestId ?? null,
        cartId: input.cartId,
        locale: input.locale,
        ...billingColumns(input.billing),
      });
      if (!order) {
        const existing = await findOrderByCheckoutKey(tx, input.checkoutKey);
        return existing
          ? { order: existing, attempt: await latestAttempt(tx, existing.id), created: false }
          : undefined;
      }
      await insertOrderLines(
        tx,
        priced.map((line) => ({ orderId: order.id, ...line })),
      );
      const attempt = await insertCreatingAttempt(tx, {
        orderId: order.id,
        mode: input.mode,
        amountMinor: totalMinor,
        currency: input.currency,
        specialReference: attemptSpecialReference(reference, 1),
      });
      return { order, attempt, created: true };
    });
    if (result) return result;
  }
  throw new Error(`Could not allocate a unique order reference after ${MAX_REFERENCE_TRIES} tries`);
}

function billingColumns(billing: Billing) {
  return {
    email: billing.email,
    phone: billing.phone,
    firstName: billing.firstName,
    lastName: billing.lastName,
    street: billing.street,
    building: billing.building ?? null,
    floor: billing.floor ?? null,
    apartment: billing.apartment ?? null,
    city: billing.city,
    state: billing.state ?? null,
    country: billing.country,
    postalCode: billing.postalCode ?? null,
  };
}
