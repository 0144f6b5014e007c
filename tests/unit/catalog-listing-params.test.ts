import { describe, expect, it } from "vitest";
import { listingHref, MAX_QUERY_LENGTH, parseListingParams } from "@/lib/catalog/listing-params";

describe("catalog listing params", () => {
  it("accepts the known sorts and falls back to featured for anything else", () => {
    expect(parseListingParams({ sort: "price-asc" }).sort).toBe("price-asc");
    expect(parseListingParams({ sort: "name" }).sort).toBe("name");
    for (const sort of [undefined, "", "price", "PRICE-ASC", "id; drop table products"]) {
      expect(parseListingParams({ sort }).sort).toBe("featured");
    }
    expect(parseListingParams({ sort: ["price-desc", "name"] }).sort).toBe("price-desc");
  });

  it("tidies the query: spaces collapsed, trimmed, capped, and empty when missing", () => {
    expect(parseListingParams({ q: " clay\t\tmug " }).q).toBe("clay mug");
    expect(parseListingParams({}).q).toBe("");
    expect(parseListingParams({ q: ["oil", "honey"] }).q).toBe("oil");
    expect(parseListingParams({ q: "x".repeat(500) }).q).toHaveLength(MAX_QUERY_LENGTH);
  });

  it("builds listing links that keep the query and drop the default sort", () => {
    expect(listingHref("/search", { q: "olive oil", sort: "price-asc" })).toBe("/search?q=olive+oil&sort=price-asc");
    expect(listingHref("/categories/pantry", { sort: "featured" })).toBe("/categories/pantry");
    expect(listingHref("/", { q: "", sort: "name" })).toBe("/?sort=name");
  });
});
