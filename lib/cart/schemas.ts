import { z } from "zod";
import { MAX_LINE_QUANTITY } from "./limits";
import { CART_INPUT_ISSUES, type CartInputIssue } from "./types";

// Each message is a CartInputIssue code, not a sentence: the shopper reads it translated (components/cart).

/**
 * A whole number from the browser: a number, or a string of digits (form fields are strings). Unlike z.coerce, which
 * turns `true` or `["5"]` into numbers, anything else is rejected as it is.
 */
function wholeNumber(message: CartInputIssue) {
  return z.preprocess(
    (value) => (typeof value === "string" && /^\s*-?\d{1,12}\s*$/.test(value) ? Number(value) : value),
    z.number({ error: message }).int({ error: message }),
  );
}

const productId = wholeNumber("product").pipe(
  z.number().positive({ error: "product" }).max(2_147_483_647, { error: "product" }),
);

const quantity = wholeNumber("quantity_whole").pipe(
  z.number().min(1, { error: "quantity_min" }).max(MAX_LINE_QUANTITY, { error: "quantity_max" }),
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

/** The issue code of a failed parse of the schemas above (their messages are codes); a foreign message counts as a bad quantity. */
export function cartInputIssue(error: z.ZodError): CartInputIssue {
  const message = error.issues[0]?.message;
  return (CART_INPUT_ISSUES as readonly string[]).includes(message ?? "")
    ? (message as CartInputIssue)
    : "quantity_whole";
}
