import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { localizedPath } from "@/lib/i18n/localized-path";
import { localeAlternates } from "@/lib/site-metadata";

describe("localizedPath", () => {
  it.each([
    ["/", "en", "/"],
    ["/", "ar", "/ar"],
    ["/cart", "en", "/cart"],
    ["/cart", "ar", "/ar/cart"],
    ["/?sort=price-asc", "ar", "/ar?sort=price-asc"],
    ["/categories/kitchen?sort=new#top", "ar", "/ar/categories/kitchen?sort=new#top"],
    ["/login?callbackUrl=%2Far%2Faccount", "ar", "/ar/login?callbackUrl=%2Far%2Faccount"],
  ] as const)("%s in %s is %s", (href, locale, expected) => {
    expect(localizedPath(href, locale)).toBe(expected);
  });
});

describe("localeAlternates", () => {
  it("gives the canonical of the page's own language and hreflang links for both, English as x-default", () => {
    expect(localeAlternates("/products/mug", "ar")).toEqual({
      canonical: "/ar/products/mug",
      languages: { en: "/products/mug", ar: "/ar/products/mug", "x-default": "/products/mug" },
    });
    expect(localeAlternates("/?sort=new", "en").canonical).toBe("/?sort=new");
  });
});

describe("login callbackUrl", () => {
  it("accepts an Arabic page and keeps it as it is", () => {
    expect(safeCallbackPath("/ar/account/orders?page=2")).toBe("/ar/account/orders?page=2");
    expect(safeCallbackPath("/ar")).toBe("/ar");
  });
});
