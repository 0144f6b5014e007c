import type { useTranslations } from "next-intl";
import { MAX_LINE_QUANTITY } from "@/lib/cart/limits";
import type { CartError } from "@/lib/cart/types";

type CartTranslator = ReturnType<typeof useTranslations<"cart">>;

/** The shopper's sentence for a refused cart change, in the page's language (lib/cart returns only the code). */
export function cartErrorText(t: CartTranslator, error: CartError): string {
  switch (error.code) {
    case "invalid_input":
      if (error.issue === "quantity_min") return t("errors.quantity_min", { min: 1 });
      if (error.issue === "quantity_max") return t("errors.quantity_max", { max: MAX_LINE_QUANTITY });
      return t(`errors.${error.issue}`);
    case "product_unavailable":
      return t("errors.product_unavailable", { currency: error.currency });
    default:
      return t(`errors.${error.code}`);
  }
}
