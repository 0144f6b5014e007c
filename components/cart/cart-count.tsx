"use client";

import Link from "next/link";
import { createContext, use, useOptimistic, type ReactNode } from "react";

type CartCount = { count: number; setOptimisticCount: (count: number) => void };

const CartCountContext = createContext<CartCount>({ count: 0, setOptimisticCount: () => {} });

/**
 * Holds the header's item count: the server's number, or an optimistic one while a cart change is in flight.
 * The cart page calls setOptimisticCount inside its transition, so the badge moves with the click and settles on the
 * server's number when the action's re-render arrives.
 */
export function CartCountProvider({ count, children }: { count: number; children: ReactNode }) {
  const [optimisticCount, setOptimisticCount] = useOptimistic(count);
  return <CartCountContext value={{ count: optimisticCount, setOptimisticCount }}>{children}</CartCountContext>;
}

export function useCartCount(): CartCount {
  return use(CartCountContext);
}

/**
 * The header's "Cart" link with its badge. The count lives in the link's accessible name ("Cart, 3 items") rather
 * than in hidden text, which browsers would join with a stray space.
 */
export function CartLink({ className, children }: { className: string; children: ReactNode }) {
  const { count } = useCartCount();
  return (
    <Link href="/cart" className={className} aria-label={`Cart, ${count === 1 ? "1 item" : `${count} items`}`}>
      {children}
      {count > 0 ? (
        <span
          aria-hidden="true"
          data-testid="cart-count"
          className="inline-flex min-w-6 items-center justify-center rounded-full bg-brand-700 px-1.5 py-0.5 text-xs font-bold text-white tabular-nums"
        >
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
