import { useTranslations } from "next-intl";
import type { AttemptMode } from "@/db/schema/payments";

// Shoppers choose where they type their card; the integration names stay in the hint, for developers trying the
// store (Paymob calls them Pixel and Unified Checkout).
const OPTIONS = [
  { value: "pixel", title: "payMode.pixelTitle", description: "payMode.pixelDescription" },
  { value: "redirect", title: "payMode.redirectTitle", description: "payMode.redirectDescription" },
] as const satisfies readonly { value: AttemptMode; title: string; description: string }[];

/** Native radios in a fieldset: keyboard and screen-reader behaviour for free. */
export function PayModePicker({ defaultMode }: { defaultMode: AttemptMode }) {
  const t = useTranslations("checkout");
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-lg font-semibold">{t("payMode.legend")}</legend>
      {OPTIONS.map((option) => (
        <label
          key={option.value}
          className="flex cursor-pointer items-start gap-3 rounded-xl border border-stone-300 bg-white p-4 has-checked:border-brand-700 has-checked:bg-brand-50 has-checked:ring-1 has-checked:ring-brand-700"
        >
          <input
            type="radio"
            name="mode"
            value={option.value}
            defaultChecked={option.value === defaultMode}
            className="mt-1 size-4 accent-brand-700"
          />
          <span className="flex flex-col">
            <span className="font-medium">{t(option.title)}</span>
            <span className="text-sm text-muted">{t(option.description)}</span>
          </span>
        </label>
      ))}
      <p className="text-xs text-muted">
        {t("payMode.developerNote", { pixel: t("payMode.pixelTitle"), redirect: t("payMode.redirectTitle") })}
      </p>
    </fieldset>
  );
}
