import type { AttemptMode } from "@/db/schema/payments";

// Shoppers choose where they type their card; the integration names stay in the hint, for developers trying the
// store (Paymob calls them Pixel and Unified Checkout).
const OPTIONS: { value: AttemptMode; title: string; description: string }[] = [
  {
    value: "pixel",
    title: "Pay here",
    description: "Enter your card on this site, in Paymob's secure card form.",
  },
  {
    value: "redirect",
    title: "Pay on Paymob's secure page",
    description: "You go to Paymob to pay, then come straight back here.",
  },
];

/** Native radios in a fieldset: keyboard and screen-reader behaviour for free. */
export function PayModePicker({ defaultMode }: { defaultMode: AttemptMode }) {
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-lg font-semibold">How would you like to pay?</legend>
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
            <span className="font-medium">{option.title}</span>
            <span className="text-sm text-muted">{option.description}</span>
          </span>
        </label>
      ))}
      <p className="text-xs text-muted">
        For developers: &ldquo;Pay here&rdquo; is Paymob&apos;s Embedded (Pixel) integration, &ldquo;Pay on
        Paymob&apos;s secure page&rdquo; its Hosted checkout (redirect).
      </p>
    </fieldset>
  );
}
