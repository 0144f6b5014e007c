"use client";

import { useTranslations } from "next-intl";
import { useActionState, useCallback, useEffect, useId, useState, useTransition, type FormEvent } from "react";
import { primaryButton } from "@/components/ui/button-styles";
import { addToCartFromForm } from "@/lib/cart/actions";
import { clampQuantity } from "@/lib/cart/optimistic";
import type { CartResult } from "@/lib/cart/types";
import type { PaymobRegion } from "@/lib/paymob/regions";
import { useVisitor } from "@/components/layout/visitor";
import { AddedToCartToast } from "./added-to-cart-toast";
import { cartErrorText } from "./cart-error";
import { QuantityControl } from "./quantity-control";

/** Sent when a form starts adding, so the other forms on the page put their toast away: one toast at a time. */
const ADDING_EVENT = "storefront:adding-to-cart";

/**
 * "Add to cart" as a real form posting to a server action, so it works before (or without) JavaScript: the
 * server renders the form's result (useActionState). With JavaScript the form runs the same action in a transition,
 * which lets the header badge move at once (an optimistic count, then the count of the cart the action returns)
 * and the button show that it is busy. The result floats in a toast, and the status line is visually hidden, so
 * nothing in the product grid changes size.
 */
export function AddToCartForm({
  productId,
  productName,
  region,
  withQuantity = false,
}: {
  productId: number;
  productName: string;
  /** The store's region (lib/store.ts), for the toast's subtotal. */
  region: PaymobRegion;
  withQuantity?: boolean;
}) {
  const t = useTranslations("cart");
  const [postedResult, formAction] = useActionState(addToCartFromForm, null);
  const [clientResult, setClientResult] = useState<CartResult | null>(null);
  const [dismissed, setDismissed] = useState<CartResult | null>(null);
  const [quantity, setQuantity] = useState(1);
  const [pending, startTransition] = useTransition();
  const { changeCountOptimistically, cartCountIs, reread } = useVisitor();
  const formId = useId();
  const result = clientResult ?? postedResult;
  const dismiss = useCallback(() => setDismissed(result), [result]);

  useEffect(() => {
    const onAdding = (event: Event) => (event as CustomEvent<string>).detail !== formId && dismiss();
    window.addEventListener(ADDING_EVENT, onAdding);
    return () => window.removeEventListener(ADDING_EVENT, onAdding);
  }, [formId, dismiss]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return; // a second click while the first is on its way would add twice
    const form = new FormData(event.currentTarget);
    window.dispatchEvent(new CustomEvent(ADDING_EVENT, { detail: formId }));
    startTransition(async () => {
      const added = clampQuantity(Number(form.get("quantity") ?? 1));
      changeCountOptimistically((count) => count + added);
      const result = await addToCartFromForm(null, form);
      // A refusal carries no cart, and another tab may have changed it: ask again rather than keep a guess.
      if (result.ok) cartCountIs(result.cart.itemCount);
      else reread();
      setClientResult(result);
    });
  }

  return (
    <form action={formAction} onSubmit={submit} className="flex flex-col">
      <input type="hidden" name="productId" value={productId} />
      <div className="flex items-center gap-3">
        {withQuantity ? (
          <QuantityControl name={productName} quantity={quantity} onChange={setQuantity} fieldName="quantity" />
        ) : null}
        <button
          type="submit"
          className={`${primaryButton} relative w-full flex-1`}
          aria-disabled={pending || undefined}
          data-pending={pending || undefined}
        >
          {/* Both labels keep their space, so the button never changes size while it works. */}
          <span className={pending ? "invisible" : undefined}>
            {t("add.button")}
            <span className="sr-only">: {productName}</span>
          </span>
          {pending ? (
            <span className="absolute inset-0 flex items-center justify-center gap-2">
              <Spinner />
              {t("add.adding")}
            </span>
          ) : null}
        </button>
      </div>
      <p role="status" className="sr-only">
        {pending ? t("add.adding") : describe(t, result, productName)}
      </p>
      {result && result !== dismissed && !pending ? (
        <AddedToCartToast result={result} productName={productName} region={region} onDismiss={dismiss} />
      ) : null}
    </form>
  );
}

function describe(t: ReturnType<typeof useTranslations<"cart">>, result: CartResult | null, product: string): string {
  if (!result) return "";
  if (!result.ok) return cartErrorText(t, result.error);
  return t("add.added", { product, count: result.cart.itemCount });
}

function Spinner() {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" className="animate-spin motion-reduce:hidden">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeOpacity="0.3" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
