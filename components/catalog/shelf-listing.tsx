import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import type { Sort } from "@/lib/catalog/listing-params";
import { cachedCategory, cachedShelfProducts, menuCategories } from "@/lib/catalog/cached";
import { EmptyListing } from "./empty-listing";
import { ListingHeader } from "./listing-header";
import { ProductGrid } from "./product-grid";

/**
 * A shelf in one order: `/categories/[slug]` renders it featured, `/categories/[slug]/sorted/[sort]` (where
 * ?sort= goes) in the others. An unknown shelf is a 404.
 */
export async function ShelfListing({ slug, sort }: { slug: string; sort: Sort }) {
  await connection();
  const [locale, t] = await Promise.all([getLocale(), getTranslations("catalog.shelf")]);
  const category = await cachedCategory(slug, locale);
  if (!category) notFound();
  const products = await cachedShelfProducts(category.id, sort, locale);
  const path = `/categories/${category.slug}`;

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
      <nav aria-label={t("breadcrumb")} className="mb-4 text-sm">
        <Link href="/" className="rounded-md text-brand-800 hover:underline">
          {/* An arrow that points back: towards the start of the line, so it turns round in Arabic. */}
          <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
            ←
          </span>{" "}
          {t("allProducts")}
        </Link>
      </nav>
      <header className="mb-6">
        <h1 className="text-3xl font-bold tracking-tight text-brand-900 sm:text-4xl">{category.name}</h1>
        <p className="mt-2 max-w-2xl text-muted">{category.description}</p>
      </header>
      {products.length > 0 ? (
        <>
          <ListingHeader count={products.length} path={path} sort={sort} />
          <ProductGrid products={products} />
        </>
      ) : (
        <EmptyListing
          title={t("emptyTitle")}
          categories={(await menuCategories(locale)).filter((c) => c.slug !== category.slug)}
        >
          <p>{t("emptyBody")}</p>
        </EmptyListing>
      )}
    </main>
  );
}
