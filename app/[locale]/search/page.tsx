import type { Metadata } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyListing } from "@/components/catalog/empty-listing";
import { ListingHeader } from "@/components/catalog/listing-header";
import { ProductGrid } from "@/components/catalog/product-grid";
import { SearchForm } from "@/components/catalog/search-form";
import { getDb } from "@/db/client";
import { parseListingParams } from "@/lib/catalog/listing-params";
import { menuCategories } from "@/lib/catalog/cached";
import { searchProducts } from "@/lib/catalog/queries";

// What the shopper typed, isolated from the sentence around it: a Latin word in an Arabic sentence (or the
// reverse) keeps its own direction and does not drag the quotation marks along.
const quoted = (chunks: ReactNode) => <bdi className="break-words">{chunks}</bdi>;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = parseListingParams(await searchParams);
  const t = await getTranslations("catalog.search");
  // Result pages are endless variations of the catalog: keep them out of search engines.
  return { title: q ? t("metaTitleFor", { query: q }) : t("metaTitle"), robots: { index: false } };
}

export default async function SearchPage({ searchParams }: Props) {
  await connection();
  const { q, sort } = parseListingParams(await searchParams);
  const [locale, t] = await Promise.all([getLocale(), getTranslations("catalog.search")]);
  // Each language searches its own copy (an Arabic search folds hamza, alef and ta marbuta spellings).
  const products = q ? await searchProducts(await getDb(), q, sort, locale) : [];

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-brand-900 sm:text-4xl">
        {q ? t.rich("resultsFor", { query: q, q: quoted }) : t("heading")}
      </h1>
      <SearchForm defaultValue={q} className="mt-4 mb-8 max-w-xl" autoFocus={!q} />
      {!q ? (
        <EmptyListing title={t("promptTitle")} categories={await menuCategories(locale)}>
          <p>{t("promptBody")}</p>
        </EmptyListing>
      ) : products.length > 0 ? (
        <>
          <ListingHeader count={products.length} path="/search" sort={sort} q={q} />
          <ProductGrid products={products} />
        </>
      ) : (
        <EmptyListing title={t.rich("noMatchTitle", { query: q, q: quoted })} categories={await menuCategories(locale)}>
          <p>{t("noMatchBody")}</p>
        </EmptyListing>
      )}
    </main>
  );
}
