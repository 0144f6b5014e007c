import { describe, expect, it } from "vitest";
import { SEED_CATEGORIES, SEED_PRODUCTS } from "@/db/seed-data";
import { SEED_CATEGORIES_AR, SEED_PRODUCTS_AR } from "@/db/seed-data-ar";

// Arabic letters proper (hamza to ya), not just any character of the Arabic block (digits, punctuation, marks).
const ARABIC_LETTER = /[\u0621-\u063A\u0641-\u064A]/gu;
const LATIN_LETTER = /[A-Za-z]/g;

/** Copy that is really Arabic: present, and mostly Arabic letters (a size such as "A5" or "500 مل" may stay Latin). */
function expectArabic(text: string | undefined, where: string) {
  expect(text?.trim(), where).toBeTruthy();
  const arabic = text!.match(ARABIC_LETTER)?.length ?? 0;
  const latin = text!.match(LATIN_LETTER)?.length ?? 0;
  expect(arabic, where).toBeGreaterThan(0);
  expect(arabic, where).toBeGreaterThan(latin * 5);
}

describe("the demo catalog's Arabic copy", () => {
  it("has an Arabic name and description for every product", () => {
    for (const p of SEED_PRODUCTS) {
      const copy = (SEED_PRODUCTS_AR as Record<string, { name: string; description: string } | undefined>)[p.slug];
      expectArabic(copy?.name, `${p.slug} name`);
      expectArabic(copy?.description, `${p.slug} description`);
    }
  });

  it("has an Arabic name and description for every shelf", () => {
    for (const c of SEED_CATEGORIES) {
      const copy = (SEED_CATEGORIES_AR as Record<string, { name: string; description: string } | undefined>)[c.slug];
      expectArabic(copy?.name, `${c.slug} name`);
      expectArabic(copy?.description, `${c.slug} description`);
    }
  });

  it("has no copy for a product or shelf the catalog does not seed", () => {
    expect(Object.keys(SEED_PRODUCTS_AR).sort()).toEqual(SEED_PRODUCTS.map((p) => p.slug).sort());
    expect(Object.keys(SEED_CATEGORIES_AR).sort()).toEqual(SEED_CATEGORIES.map((c) => c.slug).sort());
  });
});
