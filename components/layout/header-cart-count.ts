import "server-only";
import { cache } from "react";
import type { CartCountRead } from "@/components/cart/cart-count-read";
import { getDb } from "@/db/client";
import { countCartItems, readCartId } from "@/lib/cart";
import { logger } from "@/lib/logger";

/**
 * The root layout's read of the header's count, once per request. Its id lets a page that read the cart later
 * (the checkout return page) correct this read in the header without a second round trip (see shownCartCount).
 */
export const layoutCartCount = cache(async function layoutCartCount(): Promise<CartCountRead> {
  return { id: crypto.randomUUID(), count: await visitorCartCount() };
});

/**
 * The visitor's cart count, read when called (not the layout's per-request read), for a page that must read it
 * after its own data. A database hiccup hides the badge instead of taking every page down with it.
 */
export async function visitorCartCount(): Promise<number> {
  const cartId = await readCartId();
  if (!cartId) return 0;
  try {
    return await countCartItems(await getDb(), cartId);
  } catch (error) {
    logger.error({ scope: "cart", cartId, err: error }, "header count failed");
    return 0;
  }
}
