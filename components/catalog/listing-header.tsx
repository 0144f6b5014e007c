import type { Sort } from "@/lib/catalog/listing-params";
import { SortLinks } from "./sort-links";

/** The line above a product grid: how many products, and the sort choices. */
export function ListingHeader({ count, path, sort, q }: { count: number; path: string; sort: Sort; q?: string }) {
  return (
    <div className="mb-5 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
      <p className="text-sm text-muted" data-testid="result-count">
        {count === 1 ? "1 product" : `${count} products`}
      </p>
      <SortLinks path={path} current={sort} q={q} />
    </div>
  );
}
