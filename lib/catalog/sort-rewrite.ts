import { parseListingParams, SORTS, type Sort } from "./listing-params";

// Public listing URLs keep `?sort=` (shared links, bookmarks, the sort links themselves), but a page that reads
// searchParams can never be static. proxy.ts therefore rewrites a sorted home page or shelf to a path that names
// the sort (app/sorted/[sort], app/categories/[slug]/sorted/[sort]), so every listing page reads only its path.

const SHELF = /^\/categories\/[^/]+$/;

/** The internal path that renders a listing in `sort`: `/sorted/<sort>`, or `/categories/<slug>/sorted/<sort>`. */
export function sortedListingPath(listingPath: string, sort: Sort): string {
  return listingPath === "/" ? `/sorted/${sort}` : `${listingPath}/sorted/${sort}`;
}

/** The sort a sorted listing's path names; undefined for anything else, which those pages answer with a 404. */
export function sortFromSegment(segment: string): Sort | undefined {
  return SORTS.find((sort) => sort === segment);
}

/**
 * Where a request for the home page or a shelf with a `?sort=` goes inside the app, or undefined to render it
 * as it is. The sort is read exactly as the pages always read it (parseListingParams: the first of repeated
 * values counts, anything unknown means the default order), so a featured, invalid or missing sort is no
 * rewrite and the base page renders its default order. The query string is left to the caller to keep.
 */
export function sortRewritePath(pathname: string, searchParams: URLSearchParams): string | undefined {
  if (pathname !== "/" && !SHELF.test(pathname)) return undefined;
  const values = searchParams.getAll("sort");
  const { sort } = parseListingParams({ sort: values.length > 1 ? values : values[0] });
  return sort === "featured" ? undefined : sortedListingPath(pathname, sort);
}
