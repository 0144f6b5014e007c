"use client";

import Form from "next/form";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { LineIcon } from "@/components/ui/line-icon";

/**
 * A GET form to /search: without JavaScript it is a plain form, with it next/form navigates client-side. The
 * label needs an id unique in the document: the header's and the page's forms are both on a page, and a page's
 * form may also sit in a hidden, still mounted copy of an earlier page (Cache Components' <Activity>). So a page
 * leaves `id` out and gets one from useId; the header, rendered once by the root layout, may pass a fixed one.
 */
export function SearchForm({
  id,
  defaultValue = "",
  className = "",
  autoFocus = false,
}: {
  id?: string;
  defaultValue?: string;
  className?: string;
  autoFocus?: boolean;
}) {
  const ownId = useId();
  const inputId = id ?? ownId;
  const t = useTranslations("catalog.search");
  return (
    <Form action="/search" role="search" className={`flex min-w-0 items-center ${className}`}>
      <label htmlFor={inputId} className="sr-only">
        {t("label")}
      </label>
      <input
        id={inputId}
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder={t("label")}
        autoComplete="off"
        enterKeyHint="search"
        maxLength={100}
        autoFocus={autoFocus}
        className="h-10 min-w-0 flex-1 rounded-s-full border border-e-0 border-stone-400 bg-white px-4 text-base placeholder:text-stone-500"
      />
      <button
        type="submit"
        aria-label={t("submit")}
        className="inline-flex h-10 shrink-0 items-center justify-center rounded-e-full border border-brand-700 bg-brand-700 px-4 text-white hover:bg-brand-800"
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
