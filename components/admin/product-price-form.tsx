"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setProductPriceAction } from "@/lib/admin/actions";
import { ActionButton } from "./action-button";
import { CATALOG_IDLE, CatalogMessage } from "./catalog-message";

type Props = { productId: number; name: string; currency: string; currentMajor: string };

/**
 * One product's "Set price" form. The price is typed in major units (the box starts at today's price) and
 * converted on the server; the currency travels with it so the server can refuse the change if the product
 * was moved to another currency meanwhile. A refused price is marked invalid and described by why.
 */
export function ProductPriceForm({ productId, name, currency, currentMajor }: Props) {
  const [state, action, pending] = useActionState(setProductPriceAction, CATALOG_IDLE);
  const t = useTranslations("admin.products");
  const inputId = `price-${productId}`;
  const messageId = `${inputId}-message`;
  const invalid = state.status === "invalid";
  return (
    <form action={action} aria-label={t("priceForm", { name })}>
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="currency" value={currency} />
      <label htmlFor={inputId} className="sr-only">
        {t("priceLabel", { name, currency })}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          // A new current price (after a save) resets the box to it.
          key={currentMajor}
          id={inputId}
          name="price"
          defaultValue={currentMajor}
          inputMode="decimal"
          // Latin digits, left to right, on Arabic pages too; Arabic-Indic digits are read as well (lib/admin/amount.ts).
          dir="ltr"
          autoComplete="off"
          required
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? messageId : undefined}
          className="w-32 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm aria-invalid:border-red-700"
        />
        <span className="text-sm text-stone-600">{currency}</span>
        <ActionButton tone="quiet" label={t("setPrice")} pending={pending} pendingLabel={t("saving")} />
      </div>
      <CatalogMessage state={state} id={messageId} />
    </form>
  );
}
