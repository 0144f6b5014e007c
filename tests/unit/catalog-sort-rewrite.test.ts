import { describe, expect, it } from "vitest";
import { SORTS } from "@/lib/catalog/listing-params";
import { sortedListingPath, sortFromSegment, sortRewritePath } from "@/lib/catalog/sort-rewrite";

const rewrite = (url: string) => {
  const { pathname, searchParams } = new URL(url, "http://shop.test");
  return sortRewritePath(pathname, searchParams);
};

describe("catalog sort rewrite", () => {
  it("sends a sorted home page or shelf to the path that names its sort", () => {
    expect(rewrite("/?sort=price-asc")).toBe("/sorted/price-asc");
    expect(rewrite("/?sort=name")).toBe("/sorted/name");
    expect(rewrite("/categories/pantry?sort=price-desc")).toBe("/categories/pantry/sorted/price-desc");
    // Other parameters neither stop nor change it (the pages ignore them; the caller keeps the query string).
    expect(rewrite("/categories/pantry?utm_source=mail&sort=name&q=oil")).toBe("/categories/pantry/sorted/name");
  });

  it("leaves the default, missing and unknown sorts to the base page, as parseListingParams reads them", () => {
    for (const url of [
      "/",
      "/?sort=featured",
      "/?sort=",
      "/?sort=PRICE-ASC",
      "/categories/pantry?sort=drop-table",
      "/categories/pantry",
      "/?q=oil",
    ]) {
      expect(rewrite(url), url).toBeUndefined();
    }
  });

  it("reads a repeated sort as the pages do: the first value counts", () => {
    expect(rewrite("/?sort=price-desc&sort=name")).toBe("/sorted/price-desc");
    expect(rewrite("/?sort=bogus&sort=name")).toBeUndefined();
    expect(rewrite("/?sort=featured&sort=name")).toBeUndefined();
  });

  it("touches no other page", () => {
    for (const url of [
      "/search?q=oil&sort=name",
      "/categories?sort=name",
      "/categories/pantry/extra?sort=name",
      "/categories/?sort=name",
      "/products/aswan-clay-mug?sort=name",
      "/sorted/name?sort=price-asc",
      "/categories/pantry/sorted/name?sort=price-asc",
    ]) {
      expect(rewrite(url), url).toBeUndefined();
    }
  });

  it("names every sort in the path, and reads back only those", () => {
    for (const sort of SORTS) {
      expect(sortFromSegment(sort)).toBe(sort);
      expect(sortedListingPath("/", sort)).toBe(`/sorted/${sort}`);
      expect(sortedListingPath("/categories/kitchen", sort)).toBe(`/categories/kitchen/sorted/${sort}`);
    }
    for (const segment of ["", "Name", "price", "constructor", "toString"])
      expect(sortFromSegment(segment)).toBeUndefined();
  });
});
