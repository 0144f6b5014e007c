"use client";

import { NextIntlClientProvider, useLocale, useMessages, type AbstractIntlMessages } from "next-intl";
import { useMemo, type ReactNode } from "react";

/**
 * Adds one segment's namespaces (lib/i18n/client-messages.ts, SEGMENT_NAMESPACES) to the messages the locale
 * layout gave every page. A nested provider replaces its parent's messages rather than adding to them, so this
 * merges in the browser: the page's payload carries only the segment's own messages. Formats and time zone are
 * inherited from the parent provider.
 */
export function SegmentMessages({ messages, children }: { messages: AbstractIntlMessages; children: ReactNode }) {
  const outer = useMessages();
  const locale = useLocale();
  const merged = useMemo(() => ({ ...outer, ...messages }), [outer, messages]);
  return (
    <NextIntlClientProvider locale={locale} messages={merged}>
      {children}
    </NextIntlClientProvider>
  );
}
