import { z } from "zod";
import { MAX_LINE_QUANTITY } from "./limits";

/**
 * A whole number from the browser: a number, or a string of digits (form fields are strings). Unlike z.coerce, which
 * turns `true` or `["5"]` into numbers, anything else is rejected as it is.
 */
function wholeNumber(message: string) {
  return z.preprocess(
    (value) => (typeof value === "string" && /^\s*-?\d{1,12}\s*$/.test(value) ? Number(value) : value),
    z.number({ error: message }).int({ error: message }),
  );
}

const productId = wholeNumber("Choose a product.").pipe(
  z.number().positive({ error: "Choose a product." }).max(2_147_483_647, { error: "Choose a product." }),
);

const quantity = wholeNumber("Quantity must be a whole number.").pipe(
  z
    .number()
    .min(1, { error: "Quantity must be at least 1." })
    .max(MAX_LINE_QUANTITY, { error: `Quantity can be at most ${MAX_LINE_QUANTITY}.` }),
);

export const addToCartInput = z.object({ productId, quantity: quantity.default(1) });
export const setQuantityInput = z.object({ productId, quantity });
export const removeFromCartInput = z.object({ productId });

/** A cart id from the cookie is only ever used if it is a well-formed UUID (the column type); anything else is ignored. */
const cartIdSchema = z.uuid();

/** The cookie value, if it can be a cart id at all; a malformed one is treated as "no cart", never sent to SQL. */
export function validCartId(cartId: string | undefined): string | undefined {
  return cartIdSchema.safeParse(cartId).success ? cartId : undefined;
}
