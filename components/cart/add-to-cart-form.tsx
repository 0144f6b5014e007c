"use client";

import { useActionState, useId } from "react";
import { primaryButton } from "@/components/ui/button-styles";
import { addToCartFromForm } from "@/lib/cart/actions";
import { MAX_LINE_QUANTITY } from "@/lib/cart/limits";
import type { CartResult } from "@/lib/cart/types";

/**
 * "Add to cart" as a real form posting to a server action: it works before hydration and without JavaScript, and the
 * action's re-render updates the header badge. The status line is a live region, so the result is announced.
 */
export function AddToCartForm({
  productId,
  productName,
  withQuantity = false,
}: {
  productId: number;
  productName: string;
  withQuantity?: boolean;
}) {
  const [result, formAction, pending] = useActionState(addToCartFromForm, null);
  const quantityId = useId();
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="productId" value={productId} />
      <div className="flex flex-wrap items-end gap-3">
        {withQuantity ? (
          <div className="flex flex-col gap-1">
            <label htmlFor={quantityId} className="text-sm font-medium">
              Quantity
            </label>
            <input
              id={quantityId}
              name="quantity"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_LINE_QUANTITY}
              step={1}
              defaultValue={1}
              required
              className="w-20 rounded-lg border border-stone-400 bg-white px-3 py-2 text-base tabular-nums"
            />
          </div>
        ) : null}
        <button
          type="submit"
          className={`${primaryButton} ${withQuantity ? "" : "w-full"}`}
          aria-disabled={pending || undefined}
        >
          Add to cart<span className="sr-only">: {productName}</span>
        </button>
      </div>
      <p role="status" className={`min-h-5 text-sm ${result && !result.ok ? "text-red-800" : "text-muted"}`}>
        {pending ? "Adding…" : describe(result, productName)}
      </p>
    </form>
  );
}

function describe(result: CartResult | null, productName: string): string {
  if (!result) return "";
  if (!result.ok) return result.error.message;
  const items = result.cart.itemCount === 1 ? "1 item" : `${result.cart.itemCount} items`;
  return `Added ${productName}. Your cart has ${items}.`;
}
