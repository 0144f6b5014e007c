import "server-only";

// The cart's server-side API for the rest of the app (checkout, layout). Client code imports ./actions instead.
export { readCartId, CART_COOKIE } from "./cookie";
export { loadCart, countCartItems } from "./queries";
export { clearCart } from "./mutations";
export type { CartView, CartLineView, CartResult } from "./types";
