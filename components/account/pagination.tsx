import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Link } from "@/lib/i18n/navigation";

/**
 * Previous/next links with "page X of Y"; `hrefFor` keeps the page's other query parameters. The arrows point
 * the way the page reads (back is to the right in Arabic); the links keep their places at start and end.
 */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  const t = useTranslations("account.pagination");
  if (pageCount <= 1) return null;
  const link = "rounded-md border border-stone-300 bg-white px-3 py-1.5 hover:border-brand-700";
  return (
    <nav aria-label={t("label")} className="mt-6 flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className={link} rel="prev">
          <Arrow>←</Arrow> {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-stone-600">{t("pageOf", { page, pageCount })}</span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} className={link} rel="next">
          {t("next")} <Arrow>→</Arrow>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

function Arrow({ children }: { children: ReactNode }) {
  return (
    <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
      {children}
    </span>
  );
}
