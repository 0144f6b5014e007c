import { NextIntlClientProvider } from "next-intl";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { messageFormats } from "@/lib/i18n/formats";
import { MESSAGES } from "@/lib/i18n/messages";
import type { AppLocale } from "@/lib/i18n/routing";

/** Renders a component that uses next-intl's hooks, as the root layout's provider would give them to it. */
export function renderWithIntl(element: ReactElement, locale: AppLocale = "en"): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider
      locale={locale}
      messages={MESSAGES[locale]}
      formats={messageFormats(locale, "egypt")}
      timeZone="Africa/Cairo"
    >
      {element}
    </NextIntlClientProvider>,
  );
}
