import type { AttemptMode } from "@/db/schema/payments";

const OPTIONS: { value: AttemptMode; title: string; description: string }[] = [
  {
    value: "redirect",
    title: "Hosted checkout (redirect)",
    description: "Pay on Paymob's secure page, then come back here.",
  },
  {
    value: "pixel",
    title: "Embedded (Pixel)",
    description: "Enter your card on this site, in Paymob's secure card form.",
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
    </fieldset>
  );
}
