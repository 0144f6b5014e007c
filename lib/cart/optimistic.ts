import { MAX_LINE_QUANTITY } from "./limits";
import { summarizeCart } from "./summary";
import type { CartView } from "./types";

export type CartUpdate =
  { type: "set-quantity"; productId: number; quantity: number } | { type: "remove"; productId: number };

/**
 * What the cart will look like once the server applies `update`; used by useOptimistic so a click shows at once.
 * It mirrors the server's rules (quantity clamped to 1..99, unknown lines ignored) and recomputes every total,
 * and the server's answer replaces it as soon as the action returns.
 */
export function applyCartUpdate(cart: CartView, update: CartUpdate): CartView {
  const lines =
    update.type === "remove"
      ? cart.lines.filter((line) => line.productId !== update.productId)
      : cart.lines.map((line) =>
          line.productId === update.productId ? { ...line, quantity: clampQuantity(update.quantity) } : line,
        );
  return summarizeCart(cart.id, lines, cart.currency);
}

export function clampQuantity(quantity: number): number {
  if (!Number.isFinite(quantity)) return 1;
  return Math.min(MAX_LINE_QUANTITY, Math.max(1, Math.trunc(quantity)));
}
