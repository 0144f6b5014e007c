"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { primaryButton } from "@/components/ui/button-styles";
import type { CartView } from "@/lib/cart/types";
import { Link } from "@/lib/i18n/navigation";
import type { PaymobRegion } from "@/lib/paymob/regions";
import { Money } from "./money";

export function CartSummary({ cart, region, busy }: { cart: CartView; region: PaymobRegion; busy: boolean }) {
  const t = useTranslations("cart");
  const titleId = useId();
  return (
    <section
      aria-labelledby={titleId}
      className="flex flex-col gap-4 rounded-2xl border border-brand-200 bg-white p-6 lg:sticky lg:top-6"
    >
      <h2 id={titleId} className="text-lg font-semibold">
        {t("summary.title")}
      </h2>
      <dl className="flex items-baseline justify-between gap-4">
        <dt className="text-muted">{t("summary.subtotal", { count: cart.itemCount })}</dt>
        <dd className="text-xl font-bold" data-testid="subtotal">
          <Money amountMinor={cart.subtotalMinor} currency={cart.currency} region={region} />
        </dd>
      </dl>
      <p className="text-sm text-muted">{t("summary.pricesChecked")}</p>
      {/* While a change is still saving, hold the click: checkout must price the cart the shopper is looking at. */}
      <Link
        href="/checkout"
        className={`${primaryButton} w-full py-3 text-base`}
        aria-disabled={busy || undefined}
        onClick={(event) => busy && event.preventDefault()}
      >
        {t("summary.checkout")}
      </Link>
    </section>
  );
}
