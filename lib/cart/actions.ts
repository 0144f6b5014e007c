"use server";

import { refresh } from "next/cache";
import { getLocale } from "next-intl/server";
import { getDb, type Db } from "@/db/client";
import { logger } from "@/lib/logger";
import { storeCurrency } from "@/lib/store";
import { readCartId, rememberCartId } from "./cookie";
import { addItem, removeItem, setItemQuantity } from "./mutations";
import type { CatalogLocale } from "@/lib/catalog/types";
import type { CartResult } from "./types";

// Thin wrappers: the cookie and cache plumbing live here, every rule lives in ./mutations (tested without Next).
// Each action takes the submitted FormData last, as every server action of this app does (the proxy refuses any
// other call with a 400: lib/server-actions/request-shape.ts); ./mutations validates the fields.

/** "Add to cart" for useActionState, so it works before (or without) JavaScript. */
export async function addToCartFromForm(_previous: CartResult | null, form: FormData): Promise<CartResult> {
  const input = lineFields(form);
  return runCartMutation("add", (db, cartId, locale) => addItem(db, cartId, input, storeCurrency(), locale));
}

export async function setCartQuantity(form: FormData): Promise<CartResult> {
  const input = lineFields(form);
  return runCartMutation("set quantity", (db, cartId, locale) =>
    setItemQuantity(db, cartId, input, storeCurrency(), locale),
  );
}

export async function removeFromCart(form: FormData): Promise<CartResult> {
  const input = lineFields(form);
  return runCartMutation("remove", (db, cartId, locale) => removeItem(db, cartId, input, storeCurrency(), locale));
}

/** The line's fields as sent; a missing field stays undefined so the schema's default (quantity 1) applies. */
function lineFields(form: FormData): { productId: unknown; quantity: unknown } {
  return { productId: form.get("productId") ?? undefined, quantity: form.get("quantity") ?? undefined };
}

async function runCartMutation(
  name: string,
  mutate: (db: Db, cartId: string | undefined, locale: CatalogLocale) => Promise<CartResult>,
): Promise<CartResult> {
  const cartId = await readCartId();
  try {
    // The lines come back named in the language of the page the action was posted from.
    const result = await mutate(await getDb(), cartId, await getLocale());
    if (result.ok && result.cart.id && result.cart.id !== cartId) await rememberCartId(result.cart.id);
    // The page the action came from may show the cart (the cart page, checkout), so the client router renders it
    // again with this answer. Nothing cached is purged: no page carries the cart (the header's count comes from
    // the returned cart, components/layout/visitor.tsx), so the shared, prerendered pages stay valid.
    if (result.ok || result.error.code !== "invalid_input") refresh();
    return result;
  } catch (error) {
    logger.error({ scope: "cart", action: name, cartId: cartId ?? null, err: error }, "cart update failed");
    return { ok: false, error: { code: "server_error" } };
  }
}
