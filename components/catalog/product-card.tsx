import { Link } from "@/lib/i18n/navigation";
import type { CatalogProduct } from "@/lib/catalog/types";
import { AddToCartForm } from "@/components/cart/add-to-cart-form";
import { ProductImage } from "@/components/ui/product-image";
import { storeRegion } from "@/lib/store";
import { Price } from "./price";

/** `buyable`: false where the card only points at the product (a product page's suggestions keep one buy box). */
export function ProductCard({
  product,
  priority,
  buyable = true,
}: {
  product: CatalogProduct;
  priority: boolean;
  buyable?: boolean;
}) {
  return (
    // Only the picture's frame clips (its hover zoom and round corners): clipping the card would cut off the
    // link's focus outline, which is drawn outside the link.
    <article className="group flex flex-col rounded-2xl border border-brand-200 bg-white shadow-sm transition-shadow hover:shadow-md">
      <Link href={`/products/${product.slug}`} className="flex flex-1 flex-col rounded-t-2xl">
        {/* The name follows inside the same link, so the picture adds nothing for screen readers. */}
        <div className="overflow-hidden rounded-t-[calc(var(--radius-2xl)-1px)]">
          <ProductImage
            src={product.image}
            alt=""
            priority={priority}
            className="transition-transform duration-300 group-hover:scale-[1.02]"
          />
        </div>
        <div className="flex flex-1 flex-col gap-1 px-3 pt-3 sm:px-4 sm:pt-4">
          <h3 className="font-semibold text-ink group-hover:text-brand-800 group-hover:underline">{product.name}</h3>
          <Price amountMinor={product.priceMinor} currency={product.currency} className="text-brand-800" />
        </div>
      </Link>
      {buyable ? (
        <div className="px-3 pt-3 pb-3 sm:px-4 sm:pb-4">
          <AddToCartForm productId={product.id} productName={product.name} region={storeRegion()} />
        </div>
      ) : (
        <div className="pb-3 sm:pb-4" />
      )}
    </article>
  );
}
