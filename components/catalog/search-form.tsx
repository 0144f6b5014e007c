import Form from "next/form";
import { LineIcon } from "@/components/ui/line-icon";

/**
 * A GET form to /search: without JavaScript it is a plain form, with it next/form navigates client-side. `id`
 * keeps labels unique when the header's and the page's forms are both on a page.
 */
export function SearchForm({
  id,
  defaultValue = "",
  className = "",
  autoFocus = false,
}: {
  id: string;
  defaultValue?: string;
  className?: string;
  autoFocus?: boolean;
}) {
  return (
    <Form action="/search" role="search" className={`flex min-w-0 items-center ${className}`}>
      <label htmlFor={id} className="sr-only">
        Search products
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder="Search products"
        autoComplete="off"
        enterKeyHint="search"
        maxLength={100}
        autoFocus={autoFocus}
        className="h-10 min-w-0 flex-1 rounded-l-full border border-r-0 border-stone-400 bg-white px-4 text-base placeholder:text-stone-500"
      />
      <button
        type="submit"
        aria-label="Search"
        className="inline-flex h-10 shrink-0 items-center justify-center rounded-r-full border border-brand-700 bg-brand-700 px-4 text-white hover:bg-brand-800"
      >
        <SearchIcon />
      </button>
    </Form>
  );
}

function SearchIcon() {
  return (
    <LineIcon strokeWidth={2.25}>
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </LineIcon>
  );
}
