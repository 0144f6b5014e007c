import type { Metadata } from "next";
import { ShelfListing } from "@/components/catalog/shelf-listing";
import { shelfMetadata } from "@/lib/catalog/listing-metadata";
import type { AppLocale } from "@/lib/i18n/routing";

// The featured order only: proxy.ts sends ?sort=<another> to ./sorted/[sort], so this page reads no
// searchParams (lib/catalog/sort-rewrite.ts).
type Props = { params: Promise<{ locale: AppLocale; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  return shelfMetadata(slug, "featured", locale);
}

export default async function CategoryPage({ params }: Props) {
  return <ShelfListing slug={(await params).slug} sort="featured" />;
}
