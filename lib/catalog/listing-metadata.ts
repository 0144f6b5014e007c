import type { Metadata } from "next";
import { connection } from "next/server";
import type { AppLocale } from "@/lib/i18n/routing";
import { localeAlternates } from "@/lib/site-metadata";
import { getTranslations } from "next-intl/server";
import { listingHref, type Sort } from "./listing-params";
import { cachedCategory } from "./cached";

// A sorted listing renders at an internal path (lib/catalog/sort-rewrite.ts) but its address is the public one
// with ?sort=: that is the canonical link, whether the visitor came through the rewrite or typed the path.

export function homeMetadata(sort: Sort, locale: AppLocale): Metadata {
  return { alternates: localeAlternates(listingHref("/", { sort }), locale) };
}

export async function shelfMetadata(slug: string, sort: Sort, locale: AppLocale): Promise<Metadata> {
  await connection();
  const category = await cachedCategory(slug, locale);
  if (!category) return { title: (await getTranslations("catalog.shelf"))("notFound") };
  return {
    title: category.name,
    description: category.description,
    alternates: localeAlternates(listingHref(`/categories/${category.slug}`, { sort }), locale),
  };
}
