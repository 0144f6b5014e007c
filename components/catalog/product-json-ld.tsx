import { appUrl } from "@/lib/app-url";
import { productJsonLd, serializeJsonLd } from "@/lib/catalog/structured-data";
import type { CatalogProduct } from "@/lib/catalog/types";

/**
 * The product as schema.org data for search engines. A data block, not a script: browsers never run it, so the
 * page's Content-Security-Policy (script nonces) does not apply to it; serializeJsonLd keeps it from ending early.
 */
export function ProductJsonLd({ product }: { product: CatalogProduct }) {
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: serializeJsonLd(productJsonLd(product, appUrl())) }}
    />
  );
}
