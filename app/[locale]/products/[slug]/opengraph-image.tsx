import { notFound } from "next/navigation";
import { connection } from "next/server";
import { productIllustration, SHARE_CARD_SIZE, shareCard } from "@/components/og/share-card";
import { cachedProduct } from "@/lib/catalog/cached";
import { ogCopy } from "@/components/og/og-copy";
import { formatPrice } from "@/lib/catalog/locale-format";
import { STORE_NAME } from "@/lib/store";

// A product's share image: its name, price and illustration. Drawn per request (products live in the database,
// which `next build` never opens).

export const alt = ogCopy("productAlt", { store: STORE_NAME });
export const size = SHARE_CARD_SIZE;
export const contentType = "image/png";

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  // English copy whatever the page's language: the card's font has no Arabic (components/og/og-copy.ts).
  const product = await cachedProduct((await params).slug, "en");
  if (!product) notFound();
  return shareCard({
    kicker: ogCopy("productKicker"),
    title: product.name,
    // Intl separates the currency code with a no-break space, which the bundled font lacks.
    subtitle: formatPrice(product.priceMinor, product.currency, "en").replace(/\u00a0/g, " "),
    illustration: await productIllustration(product.image),
  });
}
