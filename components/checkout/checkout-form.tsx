"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { checkout } from "@/app/checkout/actions";
import { useFormatMoney } from "@/components/cart/money";
import { primaryButton } from "@/components/ui/button-styles";
import type { AttemptMode } from "@/db/schema/payments";
import type { CountryOption } from "@/lib/checkout/start/country-options";
import { DEFAULT_COUNTRY } from "@/lib/checkout/start/defaults";
import type { CheckoutFormState, FormValues } from "@/lib/checkout/start/form";
import type { PaymobRegion } from "@/lib/paymob/regions";
import { checkoutErrorText, fieldErrorText } from "./checkout-error";
import { CountrySelect } from "./country-select";
import { Field } from "./field";
import { PayModePicker } from "./pay-mode-picker";

type Props = {
  checkoutKey: string;
  defaultMode: AttemptMode;
  defaults: FormValues;
  /** The cart as the server priced it, for the button's label only: the order is re-priced on submit. */
  total: { amountMinor: number; currency: string };
  /** The store's region (lib/store.ts): the Pay button's money format, the phone hint's example. */
  region: PaymobRegion;
  /** The billing countries in the page's language, built on the server (lib/checkout/start/country-options.ts). */
  countries: CountryOption[];
};

/**
 * Contact, billing and pay mode. Validation happens on the server (the only place it counts); the state it
 * returns puts each error next to its field and refills every field, because React resets a form after its
 * action runs. After a refused submission the focus goes to the first field in error, so a keyboard or
 * screen-reader user lands on what to fix (with its message as the field's description) instead of on a button
 * far below it. The server answers with codes; the sentences are the page's language.
 */
export function CheckoutForm({ checkoutKey, defaultMode, defaults, total, region, countries }: Props) {
  const t = useTranslations("checkout");
  const money = useFormatMoney(region);
  const [state, action, pending] = useActionState<CheckoutFormState, FormData>(checkout, {});
  const values = { country: DEFAULT_COUNTRY, ...defaults, ...state.values };
  const errors = state.fieldErrors ?? {};
  const field = (name: keyof FormValues) => {
    const error = errors[name];
    return {
      name,
      label: t(`fields.${name}.label`),
      defaultValue: values[name],
      error: error && fieldErrorText(t, name, error, region),
    };
  };
  const form = useRef<HTMLFormElement>(null);
  // Keyed on the state object: every refused submission moves the focus, even one with the same errors.
  useEffect(() => {
    if (Object.keys(state.fieldErrors ?? {}).length === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  return (
    // The key re-mounts the inputs with the returned values after a failed submission.
    <form
      ref={form}
      action={action}
      noValidate
      className="flex flex-col gap-8"
      key={JSON.stringify(state.values ?? {})}
    >
      <input type="hidden" name="checkoutKey" value={state.checkoutKey ?? checkoutKey} />

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("form.contact")}</legend>
        {/* Addresses and numbers are Latin even on the Arabic page: typed and shown left to right. */}
        <Field {...field("email")} type="email" autoComplete="email" inputMode="email" dir="ltr" required />
        <Field {...field("phone")} type="tel" autoComplete="tel" inputMode="tel" dir="ltr" required />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-6">
        <legend className="mb-2 text-lg font-semibold">{t("form.billing")}</legend>
        <Field {...field("firstName")} autoComplete="given-name" required className="sm:col-span-3" />
        <Field {...field("lastName")} autoComplete="family-name" required className="sm:col-span-3" />
        <Field {...field("street")} autoComplete="address-line1" required className="sm:col-span-6" />
        <Field {...field("building")} autoComplete="address-line2" className="sm:col-span-2" />
        <Field {...field("floor")} className="sm:col-span-2" />
        <Field {...field("apartment")} autoComplete="address-line3" className="sm:col-span-2" />
        <Field {...field("city")} autoComplete="address-level2" required className="sm:col-span-3" />
        <Field {...field("state")} autoComplete="address-level1" className="sm:col-span-3" />
        <CountrySelect {...field("country")} options={countries} className="sm:col-span-3" />
        <Field {...field("postalCode")} autoComplete="postal-code" className="sm:col-span-3" />
      </fieldset>

      <PayModePicker defaultMode={state.mode ?? defaultMode} />

      <div className="flex flex-col gap-3">
        {state.error ? (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
            {checkoutErrorText(t, state.error)}
          </p>
        ) : null}
        <button type="submit" disabled={pending} className={`${primaryButton} w-full py-3 text-base`}>
          {pending ? t("form.processing") : t("form.pay", { amount: money(total.amountMinor, total.currency) })}
        </button>
        <p className="text-center text-sm text-muted">{t("form.paymobNote")}</p>
      </div>
    </form>
  );
}
