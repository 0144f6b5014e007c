import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CartContents } from "@/components/cart/cart-contents";
import { getDb } from "@/db/client";
import { loadCart, readCartId } from "@/lib/cart";
import { storeCurrency, storeRegion } from "@/lib/store";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cart");
  return { title: t("metadataTitle"), robots: { index: false } };
}

export default async function CartPage() {
  // The cookie read comes first: it makes the page dynamic, so `next build` never opens the database for it.
  const cartId = await readCartId();
  const cart = await loadCart(await getDb(), cartId, storeCurrency(), await getLocale());
  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
      <CartContents cart={cart} region={storeRegion()} />
    </main>
  );
}
