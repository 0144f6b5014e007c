import "server-only";
import { cookies } from "next/headers";
import { persistentCookie } from "@/lib/cookie-options";
import { validCartId } from "./schemas";

/** The httpOnly cookie that holds the visitor's cart id (a random UUID; the only key to the cart). */
const CART_COOKIE = "sf_cart";
const CART_COOKIE_MAX_AGE = 60 * 60 * 24 * 180; // 180 days: a cart outlives a browsing session

/** The visitor's cart id, or undefined when there is no cookie or it cannot be a cart id. */
export async function readCartId(): Promise<string | undefined> {
  return validCartId((await cookies()).get(CART_COOKIE)?.value);
}

/** Stores the cart id; only callable where Next allows setting cookies (server actions, route handlers). */
export async function rememberCartId(cartId: string): Promise<void> {
  (await cookies()).set(CART_COOKIE, cartId, persistentCookie(CART_COOKIE_MAX_AGE));
}
