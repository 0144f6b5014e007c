import "server-only";
import { getLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { localizedPath } from "./localized-path";

/**
 * redirect() to a page of this site in the language of the current request (the [locale] segment, or for a
 * server action the locale proxy.ts resolved from its address): an Arabic shopper stays on /ar/… pages.
 * `href` is written without a prefix, as for <Link>. Absolute URLs (Paymob's checkout) are left as they are.
 */
export async function redirectInLocale(href: string): Promise<never> {
  if (!href.startsWith("/")) redirect(href);
  redirect(localizedPath(href, await getLocale()));
}

/** The address of `href` in the current request's language, for a callbackUrl or a link built on the server. */
export async function pathInLocale(href: string): Promise<string> {
  return localizedPath(href, await getLocale());
}
