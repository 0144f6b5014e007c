import "server-only";
import type { Db } from "@/db/client";
import { findProductCurrency } from "@/lib/catalog/queries";
import type { CatalogLocale } from "@/lib/catalog/types";
import { storeCurrency } from "@/lib/store";
import { addLine, deleteLine, loadCart, setLineQuantity } from "./queries";
import { addToCartInput, cartInputIssue, removeFromCartInput, setQuantityInput, validCartId } from "./schemas";
import type { CartError, CartResult } from "./types";

// The rules behind the cart's server actions. Each function takes the cart id from the caller (the cookie, in the
// app), validates the raw input itself and answers with the recomputed cart, so it is testable without Next. The
// statements themselves are in ./queries.

/** Adds `quantity` (default 1) of a product, creating the cart when `cartId` is missing or stale. Caps the line at 99. */
export async function addItem(
  db: Db,
  cartId: string | undefined,
  input: unknown,
  currency = storeCurrency(),
  locale: CatalogLocale = "en",
): Promise<CartResult> {
  const parsed = addToCartInput.safeParse(input);
  if (!parsed.success) return failure({ code: "invalid_input", issue: cartInputIssue(parsed.error) });

  const productCurrency = await findProductCurrency(db, parsed.data.productId);
  if (productCurrency === undefined) return failure({ code: "product_not_found" });
  if (productCurrency !== currency) return failure({ code: "product_unavailable", currency });

  const id = await addLine(db, cartId, parsed.data);
  return { ok: true, cart: await loadCart(db, id, currency, locale) };
}

/** Sets a line to an exact quantity (1..99). Absolute rather than +1/−1, so replays and rapid clicks converge. */
export async function setItemQuantity(
  db: Db,
  cartId: string | undefined,
  input: unknown,
  currency = storeCurrency(),
  locale: CatalogLocale = "en",
): Promise<CartResult> {
  const parsed = setQuantityInput.safeParse(input);
  if (!parsed.success) return failure({ code: "invalid_input", issue: cartInputIssue(parsed.error) });
  const id = validCartId(cartId);
  if (!id || !(await setLineQuantity(db, id, parsed.data))) return notInCart();
  return { ok: true, cart: await loadCart(db, id, currency, locale) };
}

/** Removes a line. Removing what is already gone succeeds, so a double click or a retry is harmless. */
export async function removeItem(
  db: Db,
  cartId: string | undefined,
  input: unknown,
  currency = storeCurrency(),
  locale: CatalogLocale = "en",
): Promise<CartResult> {
  const parsed = removeFromCartInput.safeParse(input);
  if (!parsed.success) return failure({ code: "invalid_input", issue: cartInputIssue(parsed.error) });
  const id = validCartId(cartId);
  if (!id) return { ok: true, cart: await loadCart(db, undefined, currency, locale) };

  await deleteLine(db, id, parsed.data.productId);
  return { ok: true, cart: await loadCart(db, id, currency, locale) };
}

function failure(error: CartError): CartResult {
  return { ok: false, error };
}

function notInCart(): CartResult {
  return failure({ code: "not_in_cart" });
}
