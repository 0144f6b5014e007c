import type { useTranslations } from "next-intl";
import type { CheckoutError } from "@/lib/checkout/errors";
import type { BillingField, FieldError } from "@/lib/checkout/start/form";
import type { PaymobRegion } from "@/lib/paymob/regions";

type CheckoutTranslator = ReturnType<typeof useTranslations<"checkout">>;

/** The shopper's sentence for a payment that could not be started (lib/checkout returns only the code). */
export function checkoutErrorText(t: CheckoutTranslator, error: CheckoutError): string {
  if (error.code !== "rate_limited") return t(`errors.${error.code}`);
  // Seconds under a minute, whole minutes above, rounded up: "in 40 seconds", "in 10 minutes".
  const seconds = Math.max(1, Math.ceil(error.retryAfterSeconds));
  return seconds < 60
    ? t("errors.rate_limited", { unit: "seconds", count: seconds })
    : t("errors.rate_limited", { unit: "minutes", count: Math.ceil(seconds / 60) });
}

/** A phone number as a shopper of the region writes it, for the phone field's hint. */
const PHONE_EXAMPLES: Record<PaymobRegion, string> = {
  egypt: "+201012345678",
  ksa: "+966512345678",
  uae: "+971501234567",
  oman: "+96892123456",
};

/**
 * The message under a checkout field, e.g. "Enter your first name." / "أدخل اسمك الأول.". The Arabic messages
 * wrap the Latin examples in LRI … PDI themselves, so "+201012345678" keeps its plus sign in front.
 */
export function fieldErrorText(
  t: CheckoutTranslator,
  field: BillingField,
  error: FieldError,
  region: PaymobRegion,
): string {
  switch (error.code) {
    case "required":
      return t("fieldErrors.required", { field: t(`fields.${field}.name`) });
    case "too_long":
      return t("fieldErrors.too_long", { field: t(`fields.${field}.name`), max: error.max ?? 0 });
    case "email":
      return t("fieldErrors.email", { example: "you@example.com" });
    case "phone":
      return t("fieldErrors.phone", { min: 7, max: 15, example: PHONE_EXAMPLES[region] });
    case "email_too_long":
    case "country":
      return t(`fieldErrors.${error.code}`);
  }
}
