import type { CatalogProduct } from "@/lib/catalog/types";
import { ProductCard } from "./product-card";

// A phone's first row (two columns) is where the LCP picture is and bandwidth is scarcest: those load first.
// On wider screens the rest of the first row is lazy but in view, so it loads right after layout; making all
// four high priority had them compete with the LCP picture on a slow connection (npm run bench:pages).
const EAGER_IMAGES = 2;

/** `eagerImages`: 0 when the grid is not the page's first content (a product page's related products). */
export function ProductGrid({
  products,
  eagerImages = EAGER_IMAGES,
  buyable = true,
}: {
  products: CatalogProduct[];
  eagerImages?: number;
  buyable?: boolean;
}) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:gap-6 md:grid-cols-3 lg:grid-cols-4">
      {products.map((product, index) => (
        <li key={product.id} className="flex">
          <ProductCard product={product} priority={index < eagerImages} buyable={buyable} />
        </li>
      ))}
    </ul>
  );
}
