"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Link } from "@/lib/i18n/navigation";
import { useVisitor } from "@/components/layout/visitor";

/**
 * The header's "Cart" link with its badge. Its accessible name is what it shows plus the unit, "Cart 3 items"
 * (the unit, and the 0 of an empty cart, in visually hidden text): speech-control users say what they see
 * ("click Cart 3"), so the visible words must be part of the name (WCAG 2.5.3). Each part is a flex item, which
 * browsers join with spaces.
 *
 * The count comes from the browser (useVisitor), so until the first answer, and without JavaScript, the link is
 * just "Cart". The badge sits on the pill's corner, out of the flow: its arrival never moves the header.
 */
export function CartLink({ className, children }: { className: string; children: ReactNode }) {
  const { cartCount } = useVisitor();
  const t = useTranslations("cart");
  // The region's digits, like the prices (lib/i18n/formats.ts): ٣ on an Egyptian store's Arabic pages.
  const format = useFormatter();
  const count = (n: number) => format.number(n, "whole");
  return (
    <Link href="/cart" className={`relative ${className}`}>
      {children}
      {cartCount === null ? null : cartCount > 0 ? (
        <span
          data-testid="cart-count"
          className="absolute -top-2 -end-2 inline-flex min-w-5 items-center justify-center rounded-full bg-brand-700 px-1.5 py-0.5 text-xs leading-none font-bold text-white tabular-nums ring-2 ring-white"
        >
          {cartCount > 99 ? `${count(99)}+` : count(cartCount)}
        </span>
      ) : (
        <span className="sr-only">{count(0)}</span>
      )}
      {cartCount === null ? null : <span className="sr-only">{t("link.unit", { count: cartCount })}</span>}
    </Link>
  );
}
