import { notFound } from "next/navigation";
import { connection } from "next/server";
import { productIllustration, SHARE_CARD_SIZE, shareCard } from "@/components/og/share-card";
import { cachedProduct } from "@/lib/catalog/cached";
import { formatMoney } from "@/lib/money";
import { STORE_NAME } from "@/lib/store";

// A product's share image: its name, price and illustration. Drawn per request (products live in the database,
// which `next build` never opens).

export const alt = `A product of ${STORE_NAME}`;
export const size = SHARE_CARD_SIZE;
export const contentType = "image/png";

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const product = await cachedProduct((await params).slug);
  if (!product) notFound();
  return shareCard({
    kicker: "HAND-MADE IN EGYPT",
    title: product.name,
    // Intl separates the currency code with a no-break space, which the bundled font lacks.
    subtitle: formatMoney(product.priceMinor, product.currency).replace(/\u00a0/g, " "),
    illustration: await productIllustration(product.image),
  });
}
