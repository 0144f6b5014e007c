import { HomeListing } from "@/components/catalog/home-listing";
import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { homeMetadata } from "@/lib/catalog/listing-metadata";
import type { AppLocale } from "@/lib/i18n/routing";

// The featured order only: proxy.ts sends /?sort=<another> to app/sorted/[sort], so this page reads no
// searchParams (lib/catalog/sort-rewrite.ts).
type Props = { params: Promise<{ locale: AppLocale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return homeMetadata("featured", (await params).locale);
}

export default async function HomePage({ params }: Props) {
  setRequestLocale((await params).locale);
  return <HomeListing sort="featured" />;
}
