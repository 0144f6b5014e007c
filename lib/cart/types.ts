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

export type CartErrorCode =
  "invalid_input" | "product_not_found" | "product_unavailable" | "not_in_cart" | "server_error";

/** Why a cart change was refused: `code` for the code that decides what to do, `message` for the shopper. */
type CartError = { code: CartErrorCode; message: string };

/** What every cart mutation returns: the recomputed cart, or a reason the shopper can read. Never thrown for bad input. */
export type CartResult = { ok: true; cart: CartView } | { ok: false; error: CartError };
