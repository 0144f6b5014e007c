import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HomeListing } from "@/components/catalog/home-listing";
import { homeMetadata } from "@/lib/catalog/listing-metadata";
import { SORTS } from "@/lib/catalog/listing-params";
import { sortFromSegment } from "@/lib/catalog/sort-rewrite";
import type { AppLocale } from "@/lib/i18n/routing";

// The home page in another order. Its public address is /?sort=<sort>, which proxy.ts rewrites to this path so
// that no listing page reads searchParams (lib/catalog/sort-rewrite.ts); the canonical link names that address.
type Props = { params: Promise<{ locale: AppLocale; sort: string }> };

export function generateStaticParams() {
  return SORTS.map((sort) => ({ sort }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, sort: segment } = await params;
  const sort = sortFromSegment(segment);
  return sort ? homeMetadata(sort, locale) : {};
}

export default async function SortedHomePage({ params }: Props) {
  const sort = sortFromSegment((await params).sort);
  if (!sort) notFound();
  return <HomeListing sort={sort} />;
}
