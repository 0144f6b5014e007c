import { useLocale, useTranslations } from "next-intl";
import { formatCount } from "@/lib/catalog/locale-format";
import type { Sort } from "@/lib/catalog/listing-params";
import { storeRegion } from "@/lib/store";
import { SortLinks } from "./sort-links";

/** The line above a product grid: how many products, and the sort choices. */
export function ListingHeader({ count, path, sort, q }: { count: number; path: string; sort: Sort; q?: string }) {
  const t = useTranslations("catalog");
  const formatted = formatCount(count, useLocale(), storeRegion());
  return (
    <div className="mb-5 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
      <p className="text-sm text-muted" data-testid="result-count">
        {t("count", { count, formatted })}
      </p>
      <SortLinks path={path} current={sort} q={q} />
    </div>
  );
}
