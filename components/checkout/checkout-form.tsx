"use client";

import { useActionState, useEffect, useRef } from "react";
import { checkout } from "@/app/checkout/actions";
import { primaryButton } from "@/components/ui/button-styles";
import type { AttemptMode } from "@/db/schema/payments";
import { DEFAULT_COUNTRY } from "@/lib/checkout/start/defaults";
import type { CheckoutFormState, FormValues } from "@/lib/checkout/start/form";
import { formatMoney } from "@/lib/money";
import { CountrySelect } from "./country-select";
import { Field } from "./field";
import { PayModePicker } from "./pay-mode-picker";

type Props = {
  checkoutKey: string;
  defaultMode: AttemptMode;
  defaults: FormValues;
  /** The cart as the server priced it, for the button's label only: the order is re-priced on submit. */
  total: { amountMinor: number; currency: string };
};

/**
 * Contact, billing and pay mode. Validation happens on the server (the only place it counts); the state it
 * returns puts each error next to its field and refills every field, because React resets a form after its
 * action runs. After a refused submission the focus goes to the first field in error, so a keyboard or
 * screen-reader user lands on what to fix (with its message as the field's description) instead of on a button
 * far below it.
 */
export function CheckoutForm({ checkoutKey, defaultMode, defaults, total }: Props) {
  const [state, action, pending] = useActionState<CheckoutFormState, FormData>(checkout, {});
  const values = { country: DEFAULT_COUNTRY, ...defaults, ...state.values };
  const errors = state.fieldErrors ?? {};
  const field = (name: keyof FormValues) => ({ name, defaultValue: values[name], error: errors[name] });
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
        <legend className="mb-2 text-lg font-semibold">Contact</legend>
        <Field {...field("email")} label="Email" type="email" autoComplete="email" inputMode="email" required />
        <Field {...field("phone")} label="Phone" type="tel" autoComplete="tel" inputMode="tel" required />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-6">
        <legend className="mb-2 text-lg font-semibold">Billing address</legend>
        <Field
          {...field("firstName")}
          label="First name"
          autoComplete="given-name"
          required
          className="sm:col-span-3"
        />
        <Field {...field("lastName")} label="Last name" autoComplete="family-name" required className="sm:col-span-3" />
        <Field {...field("street")} label="Street" autoComplete="address-line1" required className="sm:col-span-6" />
        <Field {...field("building")} label="Building" autoComplete="address-line2" className="sm:col-span-2" />
        <Field {...field("floor")} label="Floor" className="sm:col-span-2" />
        <Field {...field("apartment")} label="Apartment" autoComplete="address-line3" className="sm:col-span-2" />
        <Field {...field("city")} label="City" autoComplete="address-level2" required className="sm:col-span-3" />
        <Field
          {...field("state")}
          label="State / governorate"
          autoComplete="address-level1"
          className="sm:col-span-3"
        />
        <CountrySelect {...field("country")} className="sm:col-span-3" />
        <Field {...field("postalCode")} label="Postal code" autoComplete="postal-code" className="sm:col-span-3" />
      </fieldset>

      <PayModePicker defaultMode={state.mode ?? defaultMode} />

      <div className="flex flex-col gap-3">
        {state.message ? (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
            {state.message}
          </p>
        ) : null}
        <button type="submit" disabled={pending} className={`${primaryButton} w-full py-3 text-base`}>
          {pending ? "Processing…" : `Pay ${formatMoney(total.amountMinor, total.currency)}`}
        </button>
        <p className="text-center text-sm text-muted">
          Card payments are processed by Paymob. We never see your card number.
        </p>
      </div>
    </form>
  );
}
