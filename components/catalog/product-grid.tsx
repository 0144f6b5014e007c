import type { CatalogProduct } from "@/lib/catalog/queries";
import { ProductCard } from "./product-card";

// The first row is above the fold on every breakpoint up to four columns: load those pictures first (LCP).
const EAGER_IMAGES = 4;

export function ProductGrid({ products }: { products: CatalogProduct[] }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:gap-6 md:grid-cols-3 lg:grid-cols-4">
      {products.map((product, index) => (
        <li key={product.id} className="flex">
          <ProductCard product={product} priority={index < EAGER_IMAGES} />
        </li>
      ))}
    </ul>
  );
}
