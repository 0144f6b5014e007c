import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { connection } from "next/server";
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
  const category = await cachedCategory(slug);
  if (!category) notFound();
  const products = await cachedShelfProducts(category.id, sort);
  const path = `/categories/${category.slug}`;

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/" className="rounded-md text-brand-800 hover:underline">
          <span aria-hidden="true">←</span> All products
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
          title="Nothing on this shelf right now"
          categories={(await menuCategories()).filter((c) => c.slug !== category.slug)}
        >
          <p>New pieces arrive from the workshops every few weeks. Meanwhile, the rest of the shop is open.</p>
        </EmptyListing>
      )}
    </main>
  );
}
