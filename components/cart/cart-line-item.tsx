"use client";

import { useTranslations } from "next-intl";
import { ProductImage } from "@/components/ui/product-image";
import type { CartLineView } from "@/lib/cart/types";
import { Link } from "@/lib/i18n/navigation";
import type { PaymobRegion } from "@/lib/paymob/regions";
import { Money, useFormatMoney } from "./money";
import { QuantityControl } from "./quantity-control";

type Props = {
  line: CartLineView;
  priority?: boolean;
  currency: string;
  region: PaymobRegion;
  onQuantityChange: (quantity: number) => void;
  onRemove: () => void;
};

export function CartLineItem({ line, currency, region, priority = false, onQuantityChange, onRemove }: Props) {
  const t = useTranslations("cart");
  const money = useFormatMoney(region);
  return (
    <li
      className="grid grid-cols-[5rem_1fr] gap-4 py-5 sm:grid-cols-[6rem_1fr_auto] sm:items-center"
      data-product-id={line.productId}
    >
      <Link
        href={`/products/${line.slug}`}
        tabIndex={-1}
        aria-hidden="true"
        className="self-start overflow-hidden rounded-xl border border-brand-200 bg-white"
      >
        {/* The first line's image is the page's largest paint: load it at once, not lazily. */}
        <ProductImage src={line.image} alt="" priority={priority} />
      </Link>
      <div className="flex min-w-0 flex-col gap-2">
        <h3 className="font-semibold">
          <Link href={`/products/${line.slug}`} className="rounded-sm hover:text-brand-800 hover:underline">
            {line.name}
          </Link>
        </h3>
        <p className="text-sm text-muted tabular-nums">
          {t("line.each", { price: money(line.unitPriceMinor, currency) })}
        </p>
        <div className="flex flex-wrap items-center gap-4">
          <QuantityControl name={line.name} quantity={line.quantity} onChange={onQuantityChange} />
          <button
            type="button"
            onClick={onRemove}
            aria-label={t("line.removeProduct", { product: line.name })}
            className="rounded-md text-sm font-medium text-brand-800 underline-offset-4 hover:underline"
          >
            {t("line.remove")}
          </button>
        </div>
      </div>
      <p className="col-start-2 text-base font-semibold sm:col-start-3 sm:text-end" data-testid="line-total">
        <span className="sr-only">{t("line.lineTotal")} </span>
        <Money amountMinor={line.lineTotalMinor} currency={currency} region={region} />
      </p>
    </li>
  );
}
