import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { connection } from "next/server";
import { ProductPriceForm } from "@/components/admin/product-price-form";
import { RefreshCatalogForm } from "@/components/admin/refresh-catalog-form";
import { getDb } from "@/db/client";
import { toMajorString } from "@/lib/admin/amount";
import { requireAdmin } from "@/lib/admin/guard";
import { listProducts } from "@/lib/catalog/queries";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Products · Admin", robots: { index: false, follow: false } };

/** Every product with its price today, and a form to change it; checked for an admin here as on every admin page. */
export default async function AdminProductsPage() {
  await connection(); // prices are read per request, never at build time
  await requireAdmin();
  const products = await listProducts(await getDb());

  return (
    <main>
      <h1 className="text-2xl font-semibold">Products</h1>
      <p className="mt-2 max-w-2xl text-sm text-stone-700">
        A new price shows on the product page, in the catalog and in every cart at once; checkout charges the price of
        the moment it starts.
      </p>
      <div className="mt-4">
        <RefreshCatalogForm />
      </div>
      <table className="mt-6 block w-full border-collapse text-sm md:table md:bg-white">
        <caption className="sr-only">Products and their prices</caption>
        <thead className="hidden md:table-header-group">
          <tr className="border-b border-stone-200 text-start text-stone-600">
            <th scope="col" className="p-2 font-medium">
              Product
            </th>
            <th scope="col" className="p-2 text-end font-medium">
              Price now
            </th>
            <th scope="col" className="p-2 font-medium">
              New price
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
                {formatMoney(product.priceMinor, product.currency)}
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
