import "server-only";
import { updateTag } from "next/cache";
import { CATALOG_TAG } from "./cache-tags";

/**
 * What the app calls after any change to products or categories. updateTag (not revalidateTag) expires the
 * tag at once, so the admin who made the change, and every shopper after them, reads the new data on the very
 * next view rather than a stale copy served while it refreshes. Next.js allows it only inside a Server Action
 * (it throws elsewhere: node_modules/next/dist/server/web/spec-extension/revalidate.js).
 */
export function invalidateCatalog(): void {
  updateTag(CATALOG_TAG);
}
