import { decimalAmount } from "@/lib/money";
import { STORE_NAME } from "@/lib/store";
import type { CatalogProduct } from "./types";

// schema.org Product data for a product page (Google's "Product snippet" fields). Pure: the origin comes from the
// caller (configuration, never a request's headers), so the same product always describes itself the same way.

export type ProductJsonLd = {
  "@context": "https://schema.org";
  "@type": "Product";
  name: string;
  description: string;
  image: string[];
  sku: string;
  url: string;
  brand: { "@type": "Brand"; name: string };
  offers: {
    "@type": "Offer";
    url: string;
    /** Major units as a decimal string ("350.00", OMR "12.345"): schema.org's price, never a float. */
    price: string;
    priceCurrency: string;
    availability: "https://schema.org/InStock";
    itemCondition: "https://schema.org/NewCondition";
  };
};

export function productJsonLd(product: CatalogProduct, origin: string): ProductJsonLd {
  const url = new URL(`/products/${product.slug}`, origin).toString();
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.name,
    description: product.description,
    // The product's own illustration (SVG) and its rendered share card (PNG), for readers that take only rasters.
    image: [new URL(product.image, origin).toString(), `${url}/opengraph-image`],
    // The catalog has no separate SKU column; the slug is the product's unique, stable identifier.
    sku: product.slug,
    url,
    brand: { "@type": "Brand", name: STORE_NAME },
    offers: {
      "@type": "Offer",
      url,
      price: decimalAmount(product.priceMinor, product.currency),
      priceCurrency: product.currency,
      // There is no stock level: every listed product can be ordered.
      availability: "https://schema.org/InStock",
      itemCondition: "https://schema.org/NewCondition",
    },
  };
}

/**
 * JSON for the body of an inline <script>. JSON.stringify leaves "<", ">" and "&" as they are, so a description
 * holding "</script><script>…" would end the element and run as HTML; as \u escapes they stay inside the JSON
 * string (and parse back to the same text). U+2028/2029 are escaped for the older parsers that choke on them.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
