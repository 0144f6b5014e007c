import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getProductBySlug } from "@/lib/catalog/queries";
import { productMetadata } from "@/lib/site-metadata";
import { AddToCartForm } from "@/components/cart/add-to-cart-form";
import { Price } from "@/components/catalog/price";
import { ProductJsonLd } from "@/components/catalog/product-json-ld";
import { ProductImage } from "@/components/ui/product-image";

type Props = { params: Promise<{ slug: string }> };

// No generateStaticParams: products live in the database, which `next build` never opens.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const product = await getProductBySlug((await params).slug);
  if (!product) return { title: "Product not found" };
  return productMetadata(product);
}

export default async function ProductPage({ params }: Props) {
  await connection();
  const product = await getProductBySlug((await params).slug);
  if (!product) notFound();

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
      <ProductJsonLd product={product} />
      <nav aria-label="Breadcrumb" className="mb-6 text-sm">
        <Link href="/" className="rounded-md text-brand-800 hover:underline">
          <span aria-hidden="true">←</span> All products
        </Link>
      </nav>
      <div className="grid gap-8 md:grid-cols-2 md:gap-12">
        <div className="overflow-hidden rounded-3xl border border-brand-200 bg-white">
          <ProductImage src={product.image} alt={`Illustration of the ${product.name}`} priority />
        </div>
        <div className="flex flex-col gap-5 md:py-6">
          <h1 className="text-3xl font-bold tracking-tight text-brand-900 sm:text-4xl">{product.name}</h1>
          <Price
            amountMinor={product.priceMinor}
            currency={product.currency}
            className="text-2xl font-semibold text-brand-800"
          />
          <p className="max-w-prose text-base leading-relaxed text-muted">{product.description}</p>
          <div className="mt-2 border-t border-brand-200 pt-6">
            <AddToCartForm productId={product.id} productName={product.name} withQuantity />
          </div>
        </div>
      </div>
    </main>
  );
}
