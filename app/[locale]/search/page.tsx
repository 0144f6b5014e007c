import type { Metadata } from "next";
import { connection } from "next/server";
import { EmptyListing } from "@/components/catalog/empty-listing";
import { ListingHeader } from "@/components/catalog/listing-header";
import { ProductGrid } from "@/components/catalog/product-grid";
import { SearchForm } from "@/components/catalog/search-form";
import { getDb } from "@/db/client";
import { parseListingParams } from "@/lib/catalog/listing-params";
import { menuCategories } from "@/lib/catalog/cached";
import { searchProducts } from "@/lib/catalog/queries";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = parseListingParams(await searchParams);
  // Result pages are endless variations of the catalog: keep them out of search engines.
  return { title: q ? `Search: ${q}` : "Search", robots: { index: false } };
}

export default async function SearchPage({ searchParams }: Props) {
  await connection();
  const { q, sort } = parseListingParams(await searchParams);
  const products = q ? await searchProducts(await getDb(), q, sort) : [];

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-brand-900 sm:text-4xl">
        {q ? (
          <>
            Results for <span className="break-words">“{q}”</span>
          </>
        ) : (
          "Search the shop"
        )}
      </h1>
      <SearchForm defaultValue={q} className="mt-4 mb-8 max-w-xl" autoFocus={!q} />
      {!q ? (
        <EmptyListing title="What are you looking for?" categories={await menuCategories()}>
          <p>Search names and descriptions: try “cotton”, “honey” or “coffee”. Or browse a category.</p>
        </EmptyListing>
      ) : products.length > 0 ? (
        <>
          <ListingHeader count={products.length} path="/search" sort={sort} q={q} />
          <ProductGrid products={products} />
        </>
      ) : (
        <EmptyListing title={`No products match “${q}”`} categories={await menuCategories()}>
          <p>Check the spelling, use fewer words, or try a more general one like “tea” or “pottery”.</p>
        </EmptyListing>
      )}
    </main>
  );
}
