import { productIllustration, SHARE_CARD_SIZE, shareCard } from "@/components/og/share-card";
import { STORE_NAME } from "@/lib/store";

// The store's share image, for every page without its own. Built once by `next build` from files in the
// repository (no database).

export const alt = `${STORE_NAME}: hand-made Egyptian home goods`;
export const size = SHARE_CARD_SIZE;
export const contentType = "image/png";

export default async function Image() {
  return shareCard({
    kicker: STORE_NAME.toUpperCase(),
    title: "Clay, cotton, brass and the pantry of the Nile",
    footer: "Hand-made Egyptian home goods",
    illustration: await productIllustration("/products/aswan-clay-mug.svg"),
  });
}
