import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import type { ReactNode } from "react";
import { secondaryButton } from "@/components/ui/button-styles";
import type { CatalogCategory } from "@/lib/catalog/types";
import { CategoryLinks } from "./category-links";

/** What a search with no results or an empty shelf shows: why, and where to go instead. */
export function EmptyListing({
  title,
  children,
  categories,
}: {
  title: ReactNode;
  children: ReactNode;
  categories: CatalogCategory[];
}) {
  const t = useTranslations("catalog.empty");
  return (
    <div className="flex flex-col items-center gap-4 rounded-2xl border border-brand-200 bg-white px-6 py-12 text-center">
      <p className="text-lg font-semibold text-brand-900">{title}</p>
      <div className="max-w-prose text-muted">{children}</div>
      <Link href="/" className={secondaryButton}>
        {t("seeAll")}
      </Link>
      <CategoryLinks categories={categories} label={t("otherCategories")} size="small" className="mt-2 text-sm" />
    </div>
  );
}
