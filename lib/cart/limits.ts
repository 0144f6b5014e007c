/** The most of one product a cart line may hold; also a CHECK constraint on cart_lines (db/schema/cart.ts). */
export const MAX_LINE_QUANTITY = 99;
