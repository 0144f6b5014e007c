"use client";

import { useFormatter, useTranslations } from "next-intl";
import { iconButton } from "@/components/ui/button-styles";
import { MAX_LINE_QUANTITY } from "@/lib/cart/limits";

const QUANTITIES = Array.from({ length: MAX_LINE_QUANTITY }, (_, i) => i + 1);

/**
 * − / select / + for one cart line (and the product page's "how many"). At the limits the buttons are aria-disabled
 * rather than disabled, so a keyboard user who presses "−" down to 1 keeps focus on the button instead of being
 * dropped to the top of the page. `fieldName` makes the select a form field, so a form posted without JavaScript
 * still sends the chosen quantity (the buttons need JavaScript; the select does not).
 */
export function QuantityControl({
  name,
  quantity,
  onChange,
  fieldName,
}: {
  name: string;
  quantity: number;
  onChange: (quantity: number) => void;
  fieldName?: string;
}) {
  const t = useTranslations("cart");
  // In the region's digits, like the prices beside it (lib/i18n/formats.ts); the value stays a plain number.
  const format = useFormatter();
  const canDecrease = quantity > 1;
  const canIncrease = quantity < MAX_LINE_QUANTITY;
  return (
    <div className="flex shrink-0 items-center gap-2">
      <button
        type="button"
        className={iconButton}
        aria-label={t("quantity.decrease", { product: name })}
        aria-disabled={!canDecrease || undefined}
        onClick={() => canDecrease && onChange(quantity - 1)}
      >
        <span aria-hidden="true">−</span>
      </button>
      <select
        aria-label={t("quantity.select", { product: name })}
        name={fieldName}
        value={quantity}
        onChange={(event) => onChange(Number(event.target.value))}
        className="h-9 rounded-lg border border-stone-400 bg-white px-2 text-center text-base tabular-nums"
      >
        {QUANTITIES.map((n) => (
          <option key={n} value={n}>
            {format.number(n, "whole")}
          </option>
        ))}
      </select>
      <button
        type="button"
        className={iconButton}
        aria-label={t("quantity.increase", { product: name })}
        aria-disabled={!canIncrease || undefined}
        onClick={() => canIncrease && onChange(quantity + 1)}
      >
        <span aria-hidden="true">+</span>
      </button>
    </div>
  );
}
