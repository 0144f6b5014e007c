import { createElement, type ComponentProps, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator, NextIntlClientProvider } from "next-intl";
import { MESSAGES } from "@/lib/i18n/messages";
import type { AppLocale } from "@/lib/i18n/routing";

// The store's real messages outside Next: a translator for pure wording functions, and static rendering of
// components that call useTranslations (the provider stands in for the one in app/layout.tsx).

export function translator<N extends "account" | "auth" | "orders">(locale: AppLocale, namespace: N) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace });
}

type Props = ComponentProps<typeof NextIntlClientProvider>;

export function renderIn(locale: AppLocale, node: ReactNode): string {
  return renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      { locale, messages: MESSAGES[locale], timeZone: "Africa/Cairo" } as Props,
      node,
    ),
  );
}
