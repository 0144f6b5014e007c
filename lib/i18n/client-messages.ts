import { getMessages } from "next-intl/server";
import type { Messages } from "./messages";

/**
 * The message namespaces client components read (`useTranslations("ns")` in a "use client" module or anything
 * it imports). NextIntlClientProvider without a `messages` prop serializes EVERY namespace into the RSC payload
 * of every page, where the browser parses it before hydrating; server components translate on the server and
 * need none of it in the page. tests/unit/i18n-client-messages.test.ts fails when a client module reads a
 * namespace missing from this list, so the list cannot fall behind the components.
 */
export const CLIENT_NAMESPACES = [
  "account",
  "admin",
  "auth",
  "cart",
  "catalog",
  "checkout",
  "layout",
  "meta",
] as const satisfies readonly (keyof Messages)[];

export type ClientMessages = Pick<Messages, (typeof CLIENT_NAMESPACES)[number]>;

/** For the root layout: `<NextIntlClientProvider messages={await clientMessages()}>`. */
export async function clientMessages(): Promise<ClientMessages> {
  const all = (await getMessages()) as Messages;
  return Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, all[ns]])) as ClientMessages;
}
