import { getMessages } from "next-intl/server";
import type { Messages } from "./messages";

/**
 * The message namespaces client components read (`useTranslations("ns")` in a "use client" module or anything
 * it imports). NextIntlClientProvider without a `messages` prop serializes EVERY namespace into the RSC payload
 * of every page, where the browser parses it before hydrating; server components translate on the server and
 * need none of it in the page. tests/unit/i18n-client-messages.test.ts fails when a client module reads a
 * namespace that is in neither list, so the lists cannot fall behind the components.
 */
export const CLIENT_NAMESPACES = [
  "account",
  "auth",
  "cart",
  "catalog",
  "layout",
  "meta",
] as const satisfies readonly (keyof Messages)[];

/**
 * Namespaces only one part of the store's client components read: `components/<ns>/`, rendered only under
 * `app/[locale]/<ns>/`, whose layout adds them with <SegmentMessages>. The admin's 12–16 KB and checkout's 7–9 KB
 * of messages were in every shopper's page before.
 */
export const SEGMENT_NAMESPACES = ["admin", "checkout"] as const satisfies readonly (keyof Messages)[];
export type SegmentNamespace = (typeof SEGMENT_NAMESPACES)[number];

export type ClientMessages = Pick<Messages, (typeof CLIENT_NAMESPACES)[number]>;

/** For the locale layout: `<NextIntlClientProvider messages={await clientMessages()}>`. */
export async function clientMessages(): Promise<ClientMessages> {
  const all = (await getMessages()) as Messages;
  return Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, all[ns]])) as ClientMessages;
}

/** For a segment's layout: `<SegmentMessages messages={await segmentMessages("admin")}>`. */
export async function segmentMessages<N extends SegmentNamespace>(namespace: N): Promise<Pick<Messages, N>> {
  const all = (await getMessages()) as Messages;
  return { [namespace]: all[namespace] } as Pick<Messages, N>;
}
