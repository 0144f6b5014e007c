import { z } from "zod";

/** The orders a product list can be shown in; "featured" is the catalog's own order (relevance for a search). */
export const SORTS = ["featured", "price-asc", "price-desc", "name"] as const;
export type Sort = (typeof SORTS)[number];

/** The longest search the store accepts; a longer one is cut, not refused (it came from a URL anyone can type). */
export const MAX_QUERY_LENGTH = 100;

// A repeated parameter (?sort=a&sort=b) counts once; anything unknown falls back rather than failing the page.
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const listingParamsSchema = z.object({
  sort: z.preprocess(first, z.enum(SORTS)).catch("featured"),
  q: z.preprocess(
    first,
    z
      .string()
      .transform((q) => q.replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH))
      .catch(""),
  ),
});

export type ListingParams = z.infer<typeof listingParamsSchema>;

/** A listing page's searchParams as the catalog reads them: a known sort and a tidy (possibly empty) query. */
export function parseListingParams(searchParams: Record<string, string | string[] | undefined>): ListingParams {
  return listingParamsSchema.parse({ sort: searchParams.sort, q: searchParams.q ?? "" });
}

/** The URL of a listing with another sort, keeping the query; the default sort leaves no parameter behind. */
export function listingHref(path: string, params: { q?: string; sort: Sort }): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.sort !== "featured") search.set("sort", params.sort);
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
