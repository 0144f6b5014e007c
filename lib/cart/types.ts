/** One cart line as shown to the shopper and handed to checkout. Prices are re-read from `products` every time. */
export type CartLineView = {
  productId: number;
  slug: string;
  name: string;
  image: string;
  unitPriceMinor: number;
  quantity: number;
  lineTotalMinor: number;
};

/** A cart with its totals, all in `currency` minor units. `id` is null until the first item is added. */
export type CartView = {
  id: string | null;
  lines: CartLineView[];
  itemCount: number;
  subtotalMinor: number;
  currency: string;
};

/** What was wrong with the submitted line (lib/cart/schemas.ts): the zod messages there are these codes. */
export const CART_INPUT_ISSUES = ["product", "quantity_whole", "quantity_min", "quantity_max"] as const;
export type CartInputIssue = (typeof CART_INPUT_ISSUES)[number];

/**
 * Why a cart change was refused, as a code and the facts a sentence needs; the shopper's sentence, in their
 * language, is the component's (messages "cart.errors", components/cart/cart-error.ts).
 */
export type CartError =
  | { code: "invalid_input"; issue: CartInputIssue }
  | { code: "product_unavailable"; currency: string }
  | { code: "product_not_found" | "not_in_cart" | "server_error" };

/** What every cart mutation returns: the recomputed cart, or a reason the shopper can read. Never thrown for bad input. */
export type CartResult = { ok: true; cart: CartView } | { ok: false; error: CartError };
