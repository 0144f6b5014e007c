import type { ReactElement } from "react";
import { createTranslator } from "next-intl";
import { messageFormats } from "@/lib/i18n/formats";
import { MESSAGES } from "@/lib/i18n/messages";
import type { AppLocale } from "@/lib/i18n/routing";
import { renderWithIntl } from "./intl";

// The store's real messages outside Next: a translator for pure wording functions, and static rendering of
// components that call useTranslations (the provider stands in for the one in app/layout.tsx).

export function translator<N extends "account" | "auth" | "orders">(locale: AppLocale, namespace: N) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace, formats: messageFormats(locale, "egypt") });
}

/** `renderWithIntl` with the language first, for tests that render one component in each language. */
export function renderIn(locale: AppLocale, node: ReactElement): string {
  return renderWithIntl(node, locale);
}
