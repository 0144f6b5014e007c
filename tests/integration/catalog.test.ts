import { describe, expect, it } from "vitest";
import { SEED_PRODUCTS } from "@/db/seed-data";
import { findProductBySlug, findProductCurrency, listProducts } from "@/lib/catalog/queries";
import { useTestDb } from "../helpers/db";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb();

describe.skipIf(t.skipped)(`catalog reads on ${testDbTarget()}`, () => {
  it("lists every product in the seeded order, with the columns the storefront shows", async () => {
    const products = await listProducts(t.db);
    expect(products.map((p) => p.slug)).toEqual(SEED_PRODUCTS.map((p) => p.slug));
    expect(Object.keys(products[0]!).sort()).toEqual([
      "currency",
      "description",
      "id",
      "image",
      "name",
      "priceMinor",
      "slug",
    ]);
  });

  it("finds a product by its slug, and answers a slug that cannot exist with nothing", async () => {
    expect(await findProductBySlug(t.db, "aswan-clay-mug")).toMatchObject({
      name: "Aswan Clay Mug",
      priceMinor: 35_000,
      currency: "EGP",
    });
    for (const slug of ["no-such-product", "Aswan-Clay-Mug", "' or 1=1 --", "", "a".repeat(121)]) {
      expect(await findProductBySlug(t.db, slug)).toBeUndefined();
    }
  });

  it("says which currency a product is priced in, and nothing for an unknown id", async () => {
    const mug = await findProductBySlug(t.db, "aswan-clay-mug");
    expect(await findProductCurrency(t.db, mug!.id)).toBe("EGP");
    expect(await findProductCurrency(t.db, 999_999)).toBeUndefined();
  });
});
