"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { routing, type AppLocale } from "@/lib/i18n/routing";

type Query = Record<string, string | string[]>;

/**
 * The same page in the other language (/products/x?q=1 ↔ /ar/products/x?q=1), written in that language. A real
 * link, so it works without JavaScript: next-intl's Link always gives it the prefix (/en/… for English), and
 * proxy.ts answers that with a redirect to the bare path that also sets the NEXT_LOCALE cookie, which from then
 * on wins over the browser's Accept-Language. With JavaScript, the Link sets the cookie itself on click.
 */
export function LanguageSwitcher({ className }: { className?: string }) {
  // The query is the visitor's own; read in a Suspense boundary so a prerendered page still has the link.
  return (
    <Suspense fallback={<SwitchLink query={{}} className={className} />}>
      <SwitchLinkWithQuery className={className} />
    </Suspense>
  );
}

function SwitchLinkWithQuery({ className }: { className?: string }) {
  const params = useSearchParams();
  const query: Query = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length > 1 ? values : (values[0] ?? "");
  }
  return <SwitchLink query={query} className={className} />;
}

function SwitchLink({ query, className }: { query: Query; className?: string }) {
  const t = useTranslations("meta");
  const current = useLocale();
  const other: AppLocale = routing.locales.find((locale) => locale !== current) ?? routing.defaultLocale;
  return (
    <Link
      href={{ pathname: publicPath(usePathname()), query }}
      locale={other}
      hrefLang={other}
      lang={other}
      title={t("switchLanguageLabel")}
      className={className}
    >
      {t("switchLanguage")}
    </Link>
  );
}

/**
 * The address the shopper sees. A sorted listing renders at an internal path (/categories/x/sorted/price-asc, behind
 * the proxy's ?sort= rewrite, lib/catalog/sort-rewrite.ts), which the server-rendered pathname reports; the query
 * already carries ?sort=, so the link names the public listing.
 */
function publicPath(pathname: string): string {
  return pathname.replace(/^(\/categories\/[^/]+)?\/sorted\/[^/]+$/, "$1") || "/";
}
