"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Link } from "@/lib/i18n/navigation";
import { primaryButton, secondaryButton } from "@/components/ui/button-styles";
import type { CartResult } from "@/lib/cart/types";
import type { PaymobRegion } from "@/lib/paymob/regions";
import { cartErrorText } from "./cart-error";
import { useFormatMoney } from "./money";

/**
 * What an "Add to cart" did, floating over the page (fixed, so nothing in the grid moves): the cart's new size and
 * subtotal, and the two ways on. It is not a live region (the form's own status line is), so a screen reader hears
 * the result once; nor does it take focus, so a shopper adding several products keeps their place. Without
 * JavaScript it is rendered by the server with the form's result and stays until the next page. No ancestor may
 * set a transform, filter or backdrop-filter: that would make it the containing block of this fixed box.
 */
export function AddedToCartToast({
  result,
  productName,
  region,
  onDismiss,
}: {
  result: CartResult;
  productName: string;
  region: PaymobRegion;
  onDismiss: () => void;
}) {
  const t = useTranslations("cart");
  const money = useFormatMoney(region);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && onDismiss();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onDismiss]);

  return (
    <div
      data-testid="cart-toast"
      className="fixed inset-x-3 top-3 z-40 rounded-2xl border border-brand-200 bg-white p-4 text-sm shadow-xl sm:inset-x-auto sm:top-20 sm:end-6 sm:w-96"
    >
      <div className="flex items-start justify-between gap-3">
        {result.ok ? (
          <div className="min-w-0">
            <p className="font-semibold text-brand-900">{t("toast.added")}</p>
            <p className="mt-0.5 truncate text-muted">{productName}</p>
            <p className="mt-2 tabular-nums">
              {t("toast.summary", {
                count: result.cart.itemCount,
                subtotal: money(result.cart.subtotalMinor, result.cart.currency),
              })}
            </p>
          </div>
        ) : (
          <p className="font-semibold text-red-800">{cartErrorText(t, result.error)}</p>
        )}
        <button
          type="button"
          onClick={onDismiss}
          aria-label={t("toast.dismiss")}
          className="-mt-1 -me-1 inline-flex size-8 shrink-0 items-center justify-center rounded-full text-lg text-muted hover:bg-brand-100"
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {result.ok ? (
        <div className="mt-3 grid grid-cols-2 gap-2">
          <Link href="/cart" className={secondaryButton}>
            {t("toast.viewCart")}
          </Link>
          <Link href="/checkout" className={primaryButton}>
            {t("toast.checkout")}
          </Link>
        </div>
      ) : null}
    </div>
  );
}
