import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ShelfListing } from "@/components/catalog/shelf-listing";
import { shelfMetadata } from "@/lib/catalog/listing-metadata";
import { sortFromSegment } from "@/lib/catalog/sort-rewrite";
import type { AppLocale } from "@/lib/i18n/routing";

// A shelf in another order. Its public address is /categories/<slug>?sort=<sort>, which proxy.ts rewrites to
// this path so that no listing page reads searchParams (lib/catalog/sort-rewrite.ts); the canonical link names
// that address. No generateStaticParams: the shelves live in the database, which `next build` never opens.
type Props = { params: Promise<{ locale: AppLocale; slug: string; sort: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug, sort } = await params;
  const known = sortFromSegment(sort);
  return known ? shelfMetadata(slug, known, locale) : {};
}

export default async function SortedCategoryPage({ params }: Props) {
  const { slug, sort } = await params;
  const known = sortFromSegment(sort);
  if (!known) notFound();
  return <ShelfListing slug={slug} sort={known} />;
}
