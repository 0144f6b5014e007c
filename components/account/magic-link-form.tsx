"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef } from "react";
import { requestMagicLink, type MagicLinkState } from "@/lib/auth/actions";
import { tooManyLinksText } from "./auth-errors";

const initial: MagicLinkState = { status: "idle" };

/** After a refused request the focus returns to the email box, whose description is the message. */
export function MagicLinkForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState(requestMagicLink, initial);
  const t = useTranslations("auth");
  const message =
    state.status !== "error"
      ? undefined
      : state.error === "tooMany"
        ? tooManyLinksText(t, state.tooMany)
        : t(`errors.${state.error}`);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = `${inputId}-error`;
  useEffect(() => {
    if (state.status === "error") input.current?.focus();
  }, [state]);
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label htmlFor={inputId} className="block text-sm font-medium">
        {t("form.email")}
      </label>
      <input
        ref={input}
        id={inputId}
        name="email"
        type="email"
        autoComplete="email"
        dir="ltr"
        required
        defaultValue={state.email}
        aria-invalid={state.status === "error" || undefined}
        aria-describedby={message ? errorId : undefined}
        className="w-full rounded-md border border-stone-300 bg-white px-3 py-2 outline-none focus:border-brand-700"
      />
      {message ? (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {message}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-60"
      >
        {pending ? t("form.sending") : t("form.submit")}
      </button>
    </form>
  );
}
