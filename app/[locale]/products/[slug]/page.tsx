import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { AddToCartForm } from "@/components/cart/add-to-cart-form";
import { Price } from "@/components/catalog/price";
import { ProductGrid } from "@/components/catalog/product-grid";
import { ProductJsonLd } from "@/components/catalog/product-json-ld";
import { ProductImage } from "@/components/ui/product-image";
import { Region, RegionTitle } from "@/components/ui/scoped-id";
import { cachedProduct, cachedRelatedProducts } from "@/lib/catalog/cached";
import type { AppLocale } from "@/lib/i18n/routing";
import { productMetadata } from "@/lib/site-metadata";
import { storeRegion } from "@/lib/store";

type Props = { params: Promise<{ locale: AppLocale; slug: string }> };

// No generateStaticParams: products live in the database, which `next build` never opens.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const { locale, slug } = await params;
  const product = await cachedProduct(slug, locale);
  if (!product) return { title: (await getTranslations("catalog.product"))("notFound") };
  return productMetadata(product, locale);
}

export default async function ProductPage({ params }: Props) {
  await connection();
  const [locale, t] = await Promise.all([getLocale(), getTranslations("catalog")]);
  const product = await cachedProduct((await params).slug, locale);
  if (!product) notFound();
  const related = await cachedRelatedProducts(product.id, locale);

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
      <ProductJsonLd product={product} />
      <nav aria-label={t("shelf.breadcrumb")} className="mb-6 text-sm">
        <ol className="flex flex-wrap items-center gap-2">
          <li>
            <Link href="/" className="rounded-md text-brand-800 hover:underline">
              {t("shelf.allProducts")}
            </Link>
          </li>
          {product.category ? (
            <li className="flex items-center gap-2">
              <span aria-hidden="true" className="text-muted">
                /
              </span>
              <Link href={`/categories/${product.category.slug}`} className="rounded-md text-brand-800 hover:underline">
                {product.category.name}
              </Link>
            </li>
          ) : null}
        </ol>
      </nav>
      {/*
        On phones the buy box is sticky at the bottom of this grid: while its place in the page is below the fold it
        rides at the bottom of the screen, and it settles into place once scrolled to. Pure CSS, no measuring; the
        grid is its containing block, so it never covers the related products or the footer. From md up the page
        has two columns and the box sits under the description.
      */}
      <div className="grid gap-x-12 gap-y-5 md:grid-cols-2 md:grid-rows-[auto_1fr]">
        <div className="overflow-hidden rounded-3xl border border-brand-200 bg-white md:row-span-2">
          <ProductImage src={product.image} alt={t("product.imageAlt", { name: product.name })} priority />
        </div>
        <div className="flex flex-col gap-4 md:pt-6">
          <h1 className="text-3xl font-bold tracking-tight text-brand-900 sm:text-4xl">{product.name}</h1>
          <Price
            amountMinor={product.priceMinor}
            currency={product.currency}
            className="text-2xl font-semibold text-brand-800"
          />
          <p className="max-w-prose text-base leading-relaxed text-muted">{product.description}</p>
        </div>
        <div
          data-testid="buy-box"
          className="sticky bottom-0 z-10 -mx-4 border-t border-brand-200 bg-white px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] md:static md:mx-0 md:self-start md:border-t md:bg-transparent md:px-0 md:pt-6"
        >
          <AddToCartForm productId={product.id} productName={product.name} region={storeRegion()} withQuantity />
        </div>
      </div>
      {related.length > 0 ? (
        <Region className="mt-14">
          <RegionTitle className="mb-5 text-xl font-bold tracking-tight text-brand-900">
            {t("product.related")}
          </RegionTitle>
          <ProductGrid products={related} eagerImages={0} buyable={false} />
        </Region>
      ) : null}
    </main>
  );
}
