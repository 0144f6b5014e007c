import { useId } from "react";
import type { CountryOption } from "@/lib/checkout/start/country-options";

type Props = {
  name: string;
  label: string;
  options: CountryOption[];
  defaultValue?: string;
  error?: string;
  className?: string;
};

/**
 * The billing country as a list, not free text: no typos, and a phone shows its own picker. Styled like Field.
 * Each option shows the country in the page's language; its value is the English name the order keeps.
 */
export function CountrySelect({ name, label, options, defaultValue, error, className = "" }: Props) {
  const id = `${useId()}-${name}`; // unique per rendered form, and still says which field it is
  const errorId = `${id}-error`;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        autoComplete="country-name"
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="rounded-lg border border-stone-300 bg-white px-3 py-2 text-base shadow-sm outline-none focus:border-brand-700 focus:ring-2 focus:ring-brand-200 aria-invalid:border-red-700"
      >
        {options.map((country) => (
          <option key={country.value} value={country.value}>
            {country.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={errorId} className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
