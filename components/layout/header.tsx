import Link from "next/link";
import type { ReactNode } from "react";
import { CartLink } from "@/components/cart/cart-count";
import { STORE_NAME } from "@/lib/store";
import { LogoMark } from "./logo-mark";

/**
 * The site header. `account` is the slot for the sign-in / account menu (rendered before the cart link), so the
 * header itself never needs to know about authentication.
 */
export function Header({ account }: { account?: ReactNode }) {
  return (
    <header className="border-b border-brand-200 bg-white/80">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link
          href="/"
          className="flex shrink-0 items-center gap-2 rounded-md text-lg font-bold tracking-tight whitespace-nowrap text-brand-900"
        >
          <LogoMark />
          {STORE_NAME}
        </Link>
        <nav aria-label="Main">
          <ul className="flex items-center gap-3 text-sm font-medium whitespace-nowrap sm:gap-5">
            {/* On phones the store name already links home; the space goes to the account and cart links. */}
            <li className="hidden sm:block">
              <Link href="/" className="rounded-md hover:text-brand-700 hover:underline">
                Shop
              </Link>
            </li>
            {account ? <li>{account}</li> : null}
            <li>
              <CartLink className="inline-flex items-center gap-2 rounded-full border border-brand-200 bg-white px-3 py-1.5 hover:border-brand-700">
                <CartIcon />
                Cart
              </CartLink>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

function CartIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M6 7h12l-1 13H7L6 7z" />
      <path d="M9 7a3 3 0 0 1 6 0" />
    </svg>
  );
}
