"use client";

import { useTranslations } from "next-intl";
import { useId, useOptimistic, useRef, useState, useTransition } from "react";
import { removeFromCart, setCartQuantity } from "@/lib/cart/actions";
import { applyCartUpdate, type CartUpdate } from "@/lib/cart/optimistic";
import type { CartLineView, CartView } from "@/lib/cart/types";
import { useVisitor } from "@/components/layout/visitor";
import type { PaymobRegion } from "@/lib/paymob/regions";
import { cartErrorText } from "./cart-error";
import { CartLineItem } from "./cart-line-item";
import { CartSummary } from "./cart-summary";
import { EmptyCart } from "./empty-cart";
import { useFormatMoney } from "./money";

/**
 * The interactive cart. A change shows at once (useOptimistic, with totals recomputed by the same pure rules the
 * server uses), the server action runs in a transition, and its re-render replaces the optimistic cart: the server's
 * numbers always win. The header's count takes the returned cart's count, or is read again after a refusal. The
 * live region announces what the server confirmed.
 */
export function CartContents({ cart, region }: { cart: CartView; region: PaymobRegion }) {
  const t = useTranslations("cart");
  const money = useFormatMoney(region);
  const [optimisticCart, applyOptimistic] = useOptimistic(cart, applyCartUpdate);
  const { changeCountOptimistically, cartCountIs, reread } = useVisitor();
  const [pending, startTransition] = useTransition();
  const [announcement, setAnnouncement] = useState("");
  const itemsTitleId = useId();
  const [error, setError] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);

  function update(line: CartLineView, change: CartUpdate) {
    setError("");
    const expected = applyCartUpdate(optimisticCart, change);
    // A removed line takes its focused button with it; keep keyboard users on the cart instead of the page top.
    if (change.type === "remove") headingRef.current?.focus();
    startTransition(async () => {
      applyOptimistic(change);
      changeCountOptimistically(() => expected.itemCount);
      const form = new FormData();
      form.set("productId", String(line.productId));
      if (change.type === "set-quantity") form.set("quantity", String(change.quantity));
      const result = change.type === "remove" ? await removeFromCart(form) : await setCartQuantity(form);
      if (result.ok) {
        cartCountIs(result.cart.itemCount);
        const subtotal = money(result.cart.subtotalMinor, result.cart.currency);
        setAnnouncement(
          change.type === "remove"
            ? t("announce.removed", { product: line.name, subtotal })
            : t("announce.quantity", { product: line.name, quantity: change.quantity, subtotal }),
        );
      } else {
        // A refusal carries no cart ("no longer in your cart": another tab changed it), so ask what it holds now.
        reread();
        setError(cartErrorText(t, result.error));
      }
    });
  }

  return (
    <div className="flex flex-col gap-6">
      <h1 ref={headingRef} tabIndex={-1} className="text-3xl font-bold tracking-tight text-brand-900 outline-none">
        {t("title")}
      </h1>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <p
        role="alert"
        className={error ? "rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900" : "sr-only"}
      >
        {error}
      </p>
      {optimisticCart.lines.length === 0 ? (
        <EmptyCart />
      ) : (
        <div className="grid gap-8 lg:grid-cols-[1fr_22rem] lg:items-start">
          <section aria-labelledby={itemsTitleId} aria-busy={pending}>
            <h2 id={itemsTitleId} className="sr-only">
              {t("itemsHeading")}
            </h2>
            <ul className="divide-y divide-brand-200 rounded-2xl border border-brand-200 bg-white px-5">
              {optimisticCart.lines.map((line, index) => (
                <CartLineItem
                  key={line.productId}
                  line={line}
                  priority={index === 0}
                  currency={optimisticCart.currency}
                  region={region}
                  onQuantityChange={(quantity) =>
                    update(line, { type: "set-quantity", productId: line.productId, quantity })
                  }
                  onRemove={() => update(line, { type: "remove", productId: line.productId })}
                />
              ))}
            </ul>
          </section>
          <CartSummary cart={optimisticCart} region={region} busy={pending} />
        </div>
      )}
    </div>
  );
}
