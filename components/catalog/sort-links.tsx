import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { listingHref, SORTS, type Sort } from "@/lib/catalog/listing-params";

/**
 * The sort choices as plain links (?sort=…): they work without JavaScript, can be shared and bookmarked, and
 * the current one is marked for screen readers. A search calls its default order "Best match".
 */
export function SortLinks({ path, current, q }: { path: string; current: Sort; q?: string }) {
  const t = useTranslations("catalog.sort");
  return (
    <nav aria-label={t("nav")} className="flex flex-wrap items-center gap-x-1 gap-y-2 text-sm">
      <span className="me-1 text-muted">{t("by")}</span>
      {SORTS.map((sort) => (
        <Link
          key={sort}
          href={listingHref(path, { q, sort })}
          aria-current={sort === current ? "true" : undefined}
          scroll={false}
          className="rounded-full border border-transparent px-3 py-1 font-medium text-brand-800 hover:border-brand-200 hover:bg-white aria-[current=true]:border-brand-700 aria-[current=true]:bg-white aria-[current=true]:text-brand-900"
        >
          {sort === "featured" && q ? t("bestMatch") : t(sort)}
        </Link>
      ))}
    </nav>
  );
}
