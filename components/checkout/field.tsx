import { useTranslations } from "next-intl";
import { useId, type HTMLInputAutoCompleteAttribute, type HTMLInputTypeAttribute } from "react";

type FieldProps = {
  name: string;
  label: string;
  defaultValue?: string;
  error?: string;
  type?: HTMLInputTypeAttribute;
  autoComplete?: HTMLInputAutoCompleteAttribute;
  required?: boolean;
  inputMode?: "text" | "email" | "tel" | "numeric";
  /** "ltr" for what is always Latin (email, phone): typed and read left to right on the Arabic page too. */
  dir?: "ltr";
  className?: string;
};

/** A labelled input whose error sits right under it and is announced with it (aria-describedby). */
export function Field({
  name,
  label,
  defaultValue,
  error,
  type = "text",
  autoComplete,
  required = false,
  inputMode,
  dir,
  className = "",
}: FieldProps) {
  const t = useTranslations("checkout");
  const id = `${useId()}-${name}`; // unique per rendered form, and still says which field it is
  const errorId = `${id}-error`;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
        {required ? null : <span className="font-normal text-muted"> {t("form.optional")}</span>}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        inputMode={inputMode}
        dir={dir}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="rounded-lg border border-stone-300 bg-white px-3 py-2 text-base shadow-sm outline-none focus:border-brand-700 focus:ring-2 focus:ring-brand-200 aria-invalid:border-red-700"
      />
      {error ? (
        <p id={errorId} className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
