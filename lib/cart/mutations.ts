import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { findProductCurrency } from "@/lib/catalog/queries";
import { storeCurrency } from "@/lib/store";
import { addLine, deleteLine, loadCart, setLineQuantity } from "./queries";
import { addToCartInput, removeFromCartInput, setQuantityInput, validCartId } from "./schemas";
import type { CartErrorCode, CartResult } from "./types";

// The rules behind the cart's server actions. Each function takes the cart id from the caller (the cookie, in the
// app), validates the raw input itself and answers with the recomputed cart, so it is testable without Next. The
// statements themselves are in ./queries.

/** Adds `quantity` (default 1) of a product, creating the cart when `cartId` is missing or stale. Caps the line at 99. */
export async function addItem(
  db: Db,
  cartId: string | undefined,
  input: unknown,
  currency = storeCurrency(),
): Promise<CartResult> {
  const parsed = addToCartInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);

  const productCurrency = await findProductCurrency(db, parsed.data.productId);
  if (productCurrency === undefined) return failure("product_not_found", "That product is no longer available.");
  if (productCurrency !== currency)
    return failure("product_unavailable", `That product can't be bought in ${currency}.`);

  const id = await addLine(db, cartId, parsed.data);
  return { ok: true, cart: await loadCart(db, id, currency) };
}

/** Sets a line to an exact quantity (1..99). Absolute rather than +1/−1, so replays and rapid clicks converge. */
export async function setItemQuantity(
  db: Db,
  cartId: string | undefined,
  input: unknown,
  currency = storeCurrency(),
): Promise<CartResult> {
  const parsed = setQuantityInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const id = validCartId(cartId);
  if (!id || !(await setLineQuantity(db, id, parsed.data))) return notInCart();
  return { ok: true, cart: await loadCart(db, id, currency) };
}

/** Removes a line. Removing what is already gone succeeds, so a double click or a retry is harmless. */
export async function removeItem(
  db: Db,
  cartId: string | undefined,
  input: unknown,
  currency = storeCurrency(),
): Promise<CartResult> {
  const parsed = removeFromCartInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const id = validCartId(cartId);
  if (!id) return { ok: true, cart: await loadCart(db, undefined, currency) };

  await deleteLine(db, id, parsed.data.productId);
  return { ok: true, cart: await loadCart(db, id, currency) };
}

function failure(code: CartErrorCode, message: string): CartResult {
  return { ok: false, error: { code, message } };
}

function notInCart(): CartResult {
  return failure("not_in_cart", "That item is no longer in your cart.");
}

function invalidInput(error: z.ZodError): CartResult {
  return failure("invalid_input", error.issues[0]?.message ?? "Please check the quantity and try again.");
}
