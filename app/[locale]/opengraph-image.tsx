import { productIllustration, SHARE_CARD_SIZE, shareCard } from "@/components/og/share-card";
import { ogCopy } from "@/components/og/og-copy";
import { STORE_NAME } from "@/lib/store";

// The store's share image, for every page without its own. Built once by `next build` from files in the
// repository (no database).

export const alt = ogCopy("siteAlt", { store: STORE_NAME });
export const size = SHARE_CARD_SIZE;
export const contentType = "image/png";

export default async function Image() {
  return shareCard({
    kicker: STORE_NAME.toUpperCase(),
    title: ogCopy("siteTitle"),
    footer: ogCopy("siteFooter"),
    illustration: await productIllustration("/products/aswan-clay-mug.svg"),
  });
}
