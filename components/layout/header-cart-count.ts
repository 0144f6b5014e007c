import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { countCartItems, readCartId } from "@/lib/cart";

/**
 * The badge number for the header; a database hiccup hides the badge instead of taking every page down with it.
 * Read once per request, so a page can see the number its header shows (the checkout return page does).
 */
export const headerCartCount = cache(async function headerCartCount(): Promise<number> {
  const cartId = await readCartId();
  if (!cartId) return 0;
  try {
    return await countCartItems(await getDb(), cartId);
  } catch (error) {
    console.error(`[cart] header count failed for cart ${cartId}`, error);
    return 0;
  }
});
