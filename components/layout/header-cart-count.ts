import "server-only";
import { getDb } from "@/db/client";
import { countCartItems, readCartId } from "@/lib/cart";

/** The badge number for the header; a database hiccup hides the badge instead of taking every page down with it. */
export async function headerCartCount(): Promise<number> {
  const cartId = await readCartId();
  if (!cartId) return 0;
  try {
    return await countCartItems(await getDb(), cartId);
  } catch (error) {
    console.error(`[cart] header count failed for cart ${cartId}`, error);
    return 0;
  }
}
