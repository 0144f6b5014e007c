import type { Metadata } from "next";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { listingHref, type Sort } from "./listing-params";
import { cachedCategory } from "./cached";

// A sorted listing renders at an internal path (lib/catalog/sort-rewrite.ts) but its address is the public one
// with ?sort=: that is the canonical link, whether the visitor came through the rewrite or typed the path.

export function homeMetadata(sort: Sort): Metadata {
  return { alternates: { canonical: listingHref("/", { sort }) } };
}

export async function shelfMetadata(slug: string, sort: Sort): Promise<Metadata> {
  await connection();
  const category = await cachedCategory(slug, await getLocale());
  if (!category) return { title: (await getTranslations("catalog.shelf"))("notFound") };
  return {
    title: category.name,
    description: category.description,
    alternates: { canonical: listingHref(`/categories/${category.slug}`, { sort }) },
  };
}
