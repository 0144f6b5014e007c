"use server";

import { revalidatePath } from "next/cache";
import { getDb, type Db } from "@/db/client";
import { readCartId, rememberCartId } from "./cookie";
import { addItem, removeItem, setItemQuantity } from "./mutations";
import type { CartLineInput, CartResult } from "./types";

// Thin wrappers: the cookie and cache plumbing live here, every rule lives in ./mutations (tested without Next).

export async function addToCart(input: CartLineInput): Promise<CartResult> {
  return runCartMutation("add", (db, cartId) => addItem(db, cartId, input));
}

/** The form flavour of addToCart for useActionState, so "Add to cart" works before (or without) JavaScript. */
export async function addToCartFromForm(_previous: CartResult | null, formData: FormData): Promise<CartResult> {
  const input = { productId: formData.get("productId") ?? undefined, quantity: formData.get("quantity") ?? undefined };
  return runCartMutation("add", (db, cartId) => addItem(db, cartId, input));
}

export async function setCartQuantity(input: CartLineInput): Promise<CartResult> {
  return runCartMutation("set quantity", (db, cartId) => setItemQuantity(db, cartId, input));
}

export async function removeFromCart(input: Pick<CartLineInput, "productId">): Promise<CartResult> {
  return runCartMutation("remove", (db, cartId) => removeItem(db, cartId, input));
}

async function runCartMutation(name: string, mutate: (db: Db, cartId: string | undefined) => Promise<CartResult>): Promise<CartResult> {
  const cartId = await readCartId();
  try {
    const result = await mutate(await getDb(), cartId);
    if (result.ok && result.cart.id && result.cart.id !== cartId) await rememberCartId(result.cart.id);
    // The header badge on every page shows the cart, so every page's render is stale now.
    if (result.ok || result.error.code !== "invalid_input") revalidatePath("/", "layout");
    return result;
  } catch (error) {
    console.error(`[cart] ${name} failed for cart ${cartId ?? "(new)"}`, error);
    return { ok: false, error: { code: "server_error", message: "Your cart couldn't be updated. Please try again." } };
  }
}
