import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import type { Sort } from "@/lib/catalog/listing-params";
import { cachedProducts, menuCategories } from "@/lib/catalog/cached";
import { CategoryLinks } from "./category-links";
import { ListingHeader } from "./listing-header";
import { ProductGrid } from "./product-grid";
import { Region, RegionTitle } from "@/components/ui/scoped-id";

/** The home page in one order: `/` renders it featured, `/sorted/[sort]` (where ?sort= goes) in the others. */
export async function HomeListing({ sort }: { sort: Sort }) {
  await connection(); // the catalog is read per request, never at build time
  const [locale, t] = await Promise.all([getLocale(), getTranslations("catalog.home")]);
  const [products, categories] = await Promise.all([cachedProducts(sort, locale), menuCategories(locale)]);
  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
      <Region className="mb-8 rounded-3xl bg-brand-100 px-6 py-10 sm:px-10">
        <RegionTitle as="h1" className="max-w-2xl text-3xl font-bold tracking-tight text-brand-900 sm:text-4xl">
          {t("title")}
        </RegionTitle>
        <p className="mt-3 max-w-2xl text-base text-muted sm:text-lg">{t("intro")}</p>
        <CategoryLinks categories={categories} label={t("shopByCategory")} size="large" className="mt-6" />
      </Region>
      <h2 className="sr-only">{t("allProducts")}</h2>
      {products.length > 0 ? (
        <>
          <ListingHeader count={products.length} path="/" sort={sort} />
          <ProductGrid products={products} />
        </>
      ) : (
        <p className="rounded-2xl border border-brand-200 bg-white p-8 text-center text-muted">
          {t.rich("emptyCatalog", { code: (command) => <code dir="ltr">{command}</code> })}
        </p>
      )}
    </main>
  );
}
