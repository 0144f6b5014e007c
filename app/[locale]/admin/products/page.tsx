import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { adminFormats } from "@/components/admin/formats";
import { Link } from "@/lib/i18n/navigation";
import { ProductPriceForm } from "@/components/admin/product-price-form";
import { RefreshCatalogForm } from "@/components/admin/refresh-catalog-form";
import { getDb } from "@/db/client";
import { toMajorString } from "@/lib/admin/amount";
import { requireAdmin } from "@/lib/admin/guard";
import { listProducts } from "@/lib/catalog/queries";
import { storeRegion } from "@/lib/store";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.meta");
  return { title: t("products"), robots: { index: false, follow: false } };
}

/** Every product with its price today, and a form to change it; checked for an admin here as on every admin page. */
export default async function AdminProductsPage() {
  await connection(); // prices are read per request, never at build time
  await requireAdmin();
  const products = await listProducts(await getDb());
  const t = await getTranslations("admin.products");
  const { money } = adminFormats(await getLocale(), storeRegion());

  return (
    <main>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 max-w-2xl text-sm text-stone-700">{t("intro")}</p>
      <div className="mt-4">
        <RefreshCatalogForm />
      </div>
      <table className="mt-6 block w-full border-collapse text-sm md:table md:bg-white">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="hidden md:table-header-group">
          <tr className="border-b border-stone-200 text-start text-stone-600">
            <th scope="col" className="p-2 font-medium">
              {t("product")}
            </th>
            <th scope="col" className="p-2 text-end font-medium">
              {t("priceNow")}
            </th>
            <th scope="col" className="p-2 font-medium">
              {t("newPrice")}
            </th>
          </tr>
        </thead>
        <tbody className="block space-y-3 md:table-row-group md:space-y-0">
          {products.map((product) => (
            <tr
              key={product.id}
              data-testid="admin-product-row"
              className="grid gap-2 rounded-md border border-stone-200 bg-white p-3 md:table-row md:rounded-none md:border-0 md:border-b md:border-stone-100 md:p-0"
            >
              <th scope="row" className="text-start font-normal md:p-2">
                <Link href={`/products/${product.slug}`} className="text-brand-700 underline">
                  {product.name}
                </Link>
              </th>
              <td className="md:p-2 md:text-end" data-testid="admin-product-price">
                {money(product.priceMinor, product.currency)}
              </td>
              <td className="md:p-2">
                <ProductPriceForm
                  productId={product.id}
                  name={product.name}
                  currency={product.currency}
                  currentMajor={toMajorString(product.priceMinor, product.currency)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
