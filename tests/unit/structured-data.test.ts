import { describe, expect, it } from "vitest";
import { sitemapEntries } from "@/lib/catalog/sitemap";
import { productJsonLd, serializeJsonLd } from "@/lib/catalog/structured-data";
import type { CatalogProduct } from "@/lib/catalog/types";
import { decimalAmount } from "@/lib/money";

const mug: CatalogProduct = {
  id: 1,
  slug: "aswan-clay-mug",
  name: "Aswan Clay Mug",
  description: "Wheel-thrown.",
  priceMinor: 35_000,
  currency: "EGP",
  image: "/products/aswan-clay-mug.svg",
};

describe("decimalAmount (schema.org offer prices)", () => {
  it.each([
    [35_000, "EGP", "350.00"],
    [5, "EGP", "0.05"],
    [0, "EGP", "0.00"],
    [12_345, "OMR", "12.345"],
    [7, "OMR", "0.007"],
    [350_000, "OMR", "350.000"],
    [1_200, "JPY", "1200"],
    // Past 2^53 / 100 a float division would print …409.90.
    [9_007_199_254_740_991, "EGP", "90071992547409.91"],
  ])("%i %s minor units are %s", (minor, currency, expected) => {
    expect(decimalAmount(minor, currency)).toBe(expected);
  });

  it("refuses an amount that is not an integer", () => {
    expect(() => decimalAmount(350.5, "EGP")).toThrow(TypeError);
  });
});

describe("productJsonLd", () => {
  it("describes the product with absolute URLs on the configured origin and an exact price", () => {
    const data = productJsonLd(mug, "https://shop.example");
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Product",
      name: "Aswan Clay Mug",
      description: "Wheel-thrown.",
      sku: "aswan-clay-mug",
      url: "https://shop.example/products/aswan-clay-mug",
      image: [
        "https://shop.example/products/aswan-clay-mug.svg",
        "https://shop.example/products/aswan-clay-mug/opengraph-image",
      ],
      offers: {
        "@type": "Offer",
        price: "350.00",
        priceCurrency: "EGP",
        availability: "https://schema.org/InStock",
      },
    });
  });

  it("gives Omani rials their three decimals", () => {
    const data = productJsonLd({ ...mug, priceMinor: 4_250, currency: "OMR" }, "https://shop.example");
    expect(data.offers).toMatchObject({ price: "4.250", priceCurrency: "OMR" });
  });
});

describe("serializeJsonLd", () => {
  const hostile = { ...mug, name: "</script><script>alert(1)</script>", description: "<!-- a & b > c \u2028" };

  it("leaves no character that could end the script element or open a comment", () => {
    const text = serializeJsonLd(productJsonLd(hostile, "https://shop.example"));
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain("\\u003c/script\\u003e");
  });

  it("parses back to exactly the same data", () => {
    const data = productJsonLd(hostile, "https://shop.example");
    expect(JSON.parse(serializeJsonLd(data))).toEqual(data);
  });
});

describe("sitemapEntries", () => {
  it("lists the home page and every product on the configured origin, in English and in Arabic", () => {
    const urls = sitemapEntries({ products: [{ slug: "a" }, { slug: "b-c" }] }, "https://shop.example").map(
      (e) => e.url,
    );
    expect(urls).toEqual([
      "https://shop.example/",
      "https://shop.example/products/a",
      "https://shop.example/products/b-c",
      "https://shop.example/ar",
      "https://shop.example/ar/products/a",
      "https://shop.example/ar/products/b-c",
    ]);
  });

  it("lists category pages when it is given categories", () => {
    const urls = sitemapEntries({ products: [{ slug: "a" }], categories: [{ slug: "kitchen" }] }, "https://s.example/");
    expect(urls.map((e) => e.url)).toEqual([
      "https://s.example/",
      "https://s.example/categories/kitchen",
      "https://s.example/products/a",
      "https://s.example/ar",
      "https://s.example/ar/categories/kitchen",
      "https://s.example/ar/products/a",
    ]);
  });

  it("names each page's twin in the other language", () => {
    const [english, arabic] = sitemapEntries({ products: [{ slug: "a" }] }, "https://s.example")
      .filter((e) => e.url.endsWith("/products/a"))
      .map((e) => e.alternates?.languages);
    const both = { en: "https://s.example/products/a", ar: "https://s.example/ar/products/a" };
    expect(english).toEqual(both);
    expect(arabic).toEqual(both);
  });
});
