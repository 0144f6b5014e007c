"use client";

import { Link } from "@/lib/i18n/navigation";
import { useId } from "react";
import { Price } from "@/components/catalog/price";
import { primaryButton } from "@/components/ui/button-styles";
import type { CartView } from "@/lib/cart/types";

export function CartSummary({ cart, busy }: { cart: CartView; busy: boolean }) {
  const titleId = useId();
  return (
    <section
      aria-labelledby={titleId}
      className="flex flex-col gap-4 rounded-2xl border border-brand-200 bg-white p-6 lg:sticky lg:top-6"
    >
      <h2 id={titleId} className="text-lg font-semibold">
        Order summary
      </h2>
      <dl className="flex items-baseline justify-between gap-4">
        <dt className="text-muted">Subtotal ({cart.itemCount === 1 ? "1 item" : `${cart.itemCount} items`})</dt>
        <dd className="text-xl font-bold" data-testid="subtotal">
          <Price amountMinor={cart.subtotalMinor} currency={cart.currency} />
        </dd>
      </dl>
      <p className="text-sm text-muted">Prices are checked again when you pay.</p>
      {/* While a change is still saving, hold the click: checkout must price the cart the shopper is looking at. */}
      <Link
        href="/checkout"
        className={`${primaryButton} w-full py-3 text-base`}
        aria-disabled={busy || undefined}
        onClick={(event) => busy && event.preventDefault()}
      >
        Checkout
      </Link>
    </section>
  );
}
