"use client";

import Link from "next/link";
import { createContext, use, useCallback, useLayoutEffect, useOptimistic, useState, type ReactNode } from "react";
import { shownCartCount, type CartCountCorrection, type CartCountRead } from "./cart-count-read";

type CartCount = {
  count: number;
  setOptimisticCount: (count: number) => void;
  /** A page's own read of the count, made after the layout's; see shownCartCount. */
  correctCount: (count: number) => void;
};

const CartCountContext = createContext<CartCount>({ count: 0, setOptimisticCount: () => {}, correctCount: () => {} });

/**
 * Holds the header's item count: the root layout's read, unless a page corrected it (CorrectCartCount), or an
 * optimistic number while a cart change is in flight. The cart page calls setOptimisticCount inside its
 * transition, so the badge moves with the click and settles on the server's number when the action's re-render
 * arrives.
 */
export function CartCountProvider({ read, children }: { read: CartCountRead; children: ReactNode }) {
  const [correction, setCorrection] = useState<CartCountCorrection | null>(null);
  const [optimisticCount, setOptimisticCount] = useOptimistic(shownCartCount(read, correction));
  // Tied to this layout read: when the layout reads again, the page's mounted corrector reports against the new one.
  const correctCount = useCallback((count: number) => setCorrection({ layoutReadId: read.id, count }), [read.id]);
  return (
    <CartCountContext value={{ count: optimisticCount, setOptimisticCount, correctCount }}>{children}</CartCountContext>
  );
}

export function useCartCount(): CartCount {
  return use(CartCountContext);
}

/**
 * Rendered by a page that read the visitor's cart after its own data (the checkout return page, after the order),
 * so the header agrees with the page without a refresh. A layout effect, so the corrected number is what paints.
 */
export function CorrectCartCount({ count }: { count: number }) {
  const { correctCount } = useCartCount();
  useLayoutEffect(() => correctCount(count), [correctCount, count]);
  return null;
}

/**
 * The header's "Cart" link with its badge. Its accessible name is what it shows plus the unit, "Cart 3 items"
 * (the unit, and the 0 of an empty cart, in visually hidden text): speech-control users say what they see
 * ("click Cart 3"), so the visible words must be part of the name (WCAG 2.5.3). Each part is a flex item, which
 * browsers join with spaces.
 */
export function CartLink({ className, children }: { className: string; children: ReactNode }) {
  const { count } = useCartCount();
  return (
    <Link href="/cart" className={className}>
      {children}
      {count > 0 ? (
        <span
          data-testid="cart-count"
          className="inline-flex min-w-6 items-center justify-center rounded-full bg-brand-700 px-1.5 py-0.5 text-xs font-bold text-white tabular-nums"
        >
          {count > 99 ? "99+" : count}
        </span>
      ) : (
        <span className="sr-only">0</span>
      )}
      <span className="sr-only">{count === 1 ? "item" : "items"}</span>
    </Link>
  );
}
