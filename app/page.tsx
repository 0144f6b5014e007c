import { HomeListing } from "@/components/catalog/home-listing";
import { homeMetadata } from "@/lib/catalog/listing-metadata";

// The featured order only: proxy.ts sends /?sort=<another> to app/sorted/[sort], so this page reads no
// searchParams (lib/catalog/sort-rewrite.ts).
export const metadata = homeMetadata("featured");

export default function HomePage() {
  return <HomeListing sort="featured" />;
}
