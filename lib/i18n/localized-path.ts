import { routing, type AppLocale } from "./routing";

/**
 * `href` (a path on this site without a locale prefix, query and fragment allowed) as the address of that page in
 * `locale`: "/cart" stays "/cart" in English and becomes "/ar/cart" in Arabic, "/?sort=new" becomes
 * "/ar?sort=new". What lib/i18n/navigation's getPathname answers for a plain path, but pure and free of React, so
 * proxy.ts and the metadata helpers share it, and the query never ends up behind a stray slash.
 */
export function localizedPath(href: string, locale: AppLocale): string {
  if (locale === routing.defaultLocale) return href;
  const split = href.search(/[?#]/);
  const path = split === -1 ? href : href.slice(0, split);
  const rest = split === -1 ? "" : href.slice(split);
  return `/${locale}${path === "/" ? "" : path}${rest}`;
}
