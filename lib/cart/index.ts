import "server-only";

// The cart's server-side API for the rest of the app (checkout, layout). Client code imports ./actions instead.
export { readCartId } from "./cookie";
export { loadCart, countCartItems, clearCart, clearCartCheckedOutBy } from "./queries";
