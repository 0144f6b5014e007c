import type { Metadata } from "next";
import type { CatalogProduct } from "@/lib/catalog/types";
import { STORE_NAME } from "@/lib/store";

// Metadata shared by the root layout and the product pages. Next.js merges a page's `openGraph` over the
// layout's as a whole object, so the fields every page needs live here and each page spreads them in.
// Relative URLs resolve against the layout's metadataBase (APP_URL); images come from the opengraph-image files.

export const SITE_OPEN_GRAPH = {
  siteName: STORE_NAME,
  type: "website",
  locale: "en_EG",
} as const satisfies Metadata["openGraph"];

export function productMetadata(product: CatalogProduct): Metadata {
  const path = `/products/${product.slug}`;
  return {
    title: product.name,
    description: product.description,
    alternates: { canonical: path },
    openGraph: { ...SITE_OPEN_GRAPH, title: product.name, description: product.description, url: path },
  };
}
