import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { products } from "@/db/schema";
import { seedProducts } from "@/db/seed";
import { SEED_CATEGORIES, SEED_PRODUCTS } from "@/db/seed-data";
import {
  findCategoryBySlug,
  findProductBySlug,
  findProductCurrency,
  listCategories,
  listProducts,
  listProductsInCategory,
  listRelatedProducts,
} from "@/lib/catalog/queries";
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
      category: { slug: "kitchen", name: "Kitchen & table" },
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

  it("sorts the catalog by price either way and by name, ties broken the same way every time", async () => {
    const seeded = SEED_PRODUCTS.map((p) => ({ slug: p.slug, name: p.name, price: p.price }));
    const bySlugs = (list: { slug: string }[]) => list.map((p) => p.slug);
    const ascending = [...seeded].sort((a, b) => a.price - b.price);
    expect(bySlugs(await listProducts(t.db, "price-asc"))).toEqual(bySlugs(ascending));
    expect(bySlugs(await listProducts(t.db, "price-desc"))).toEqual(bySlugs([...ascending].reverse()));
    expect(bySlugs(await listProducts(t.db, "name"))).toEqual(
      bySlugs([...seeded].sort((a, b) => (a.name < b.name ? -1 : 1))),
    );
    expect(bySlugs(await listProducts(t.db, "featured"))).toEqual(bySlugs(seeded));
  });

  it("lists the shelves in menu order with their counts, an empty one included", async () => {
    const shelves = await listCategories(t.db);
    expect(shelves.map((c) => c.slug)).toEqual(SEED_CATEGORIES.map((c) => c.slug));
    for (const shelf of shelves) {
      expect(shelf.productCount, shelf.slug).toBe(SEED_PRODUCTS.filter((p) => p.category === shelf.slug).length);
    }
    expect(shelves.find((c) => c.slug === "gifts")?.productCount).toBe(0);
  });

  it("finds a shelf by slug and lists its products, sorted as asked", async () => {
    const pantry = await findCategoryBySlug(t.db, "pantry");
    expect(pantry).toMatchObject({ name: "Pantry" });
    const expected = SEED_PRODUCTS.filter((p) => p.category === "pantry");
    const cheapestFirst = await listProductsInCategory(t.db, pantry!.id, "price-asc");
    expect(cheapestFirst.map((p) => p.slug)).toEqual(
      [...expected].sort((a, b) => a.price - b.price).map((p) => p.slug),
    );
    const gifts = await findCategoryBySlug(t.db, "gifts");
    expect(await listProductsInCategory(t.db, gifts!.id, "featured")).toEqual([]);
    for (const slug of ["no-such-shelf", "Pantry", "' or 1=1 --", ""]) {
      expect(await findCategoryBySlug(t.db, slug)).toBeUndefined();
    }
  });

  it("suggests shelf-mates first, then the rest of the catalog, never the product itself", async () => {
    const mug = await findProductBySlug(t.db, "aswan-clay-mug");
    const related = await listRelatedProducts(t.db, mug!.id, 4);
    const kitchenMates = SEED_PRODUCTS.filter((p) => p.category === "kitchen" && p.slug !== "aswan-clay-mug");
    expect(related).toHaveLength(4);
    expect(related.slice(0, kitchenMates.length).map((p) => p.slug)).toEqual(kitchenMates.map((p) => p.slug));
    expect(related.map((p) => p.slug)).not.toContain("aswan-clay-mug");
    expect(await listRelatedProducts(t.db, 999_999)).toEqual([]);
  });

  it("re-seeding adds nothing, and files a demo product seeded before categories existed on its shelf", async () => {
    // A product as a database older than migration 0006 has it: no shelf.
    await t.db.update(products).set({ categoryId: null }).where(eq(products.slug, "spice-trio"));
    expect((await findProductBySlug(t.db, "spice-trio"))?.category).toBeNull();
    expect(await seedProducts(t.db, "EGP")).toBe(0);
    expect(await findProductBySlug(t.db, "spice-trio")).toMatchObject({
      priceMinor: 29_500,
      category: { slug: "pantry", name: "Pantry" },
    });
    expect((await listCategories(t.db)).map((c) => c.slug)).toEqual(SEED_CATEGORIES.map((c) => c.slug));
  });
});
