import Link from "next/link";
import type { ReactNode } from "react";
import { secondaryButton } from "@/components/ui/button-styles";
import type { CatalogCategory } from "@/lib/catalog/types";

/** What a search with no results or an empty shelf shows: why, and where to go instead. */
export function EmptyListing({
  title,
  children,
  categories,
}: {
  title: string;
  children: ReactNode;
  categories: CatalogCategory[];
}) {
  return (
    <div className="flex flex-col items-center gap-4 rounded-2xl border border-brand-200 bg-white px-6 py-12 text-center">
      <p className="text-lg font-semibold text-brand-900">{title}</p>
      <div className="max-w-prose text-muted">{children}</div>
      <Link href="/" className={secondaryButton}>
        See all products
      </Link>
      {categories.length > 0 ? (
        <nav aria-label="Other categories" className="mt-2 text-sm">
          <ul className="flex flex-wrap justify-center gap-2">
            {categories.map((category) => (
              <li key={category.slug}>
                <Link
                  href={`/categories/${category.slug}`}
                  className="inline-block rounded-full border border-brand-200 px-3 py-1 font-medium text-brand-800 hover:border-brand-700"
                >
                  {category.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
