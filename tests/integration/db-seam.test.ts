import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { products } from "@/db/schema";
import { SEED_PRODUCTS } from "@/db/seed-data";
import { seedProducts } from "@/db/seed";
import { useTestDb } from "../helpers/db";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb();

describe.skipIf(t.skipped)(`database seam on ${testDbTarget()}`, () => {
  it("runs the committed migrations and seeds the catalog in minor units", async () => {
    const rows = await t.db.select().from(products).orderBy(products.slug);
    expect(rows).toHaveLength(SEED_PRODUCTS.length);
    const mug = rows.find((p) => p.slug === "aswan-clay-mug");
    expect(mug).toMatchObject({ priceMinor: 35_000, currency: "EGP", image: "/products/aswan-clay-mug.svg" });
  });

  it("is what getDb() returns to app code", async () => {
    expect(await getDb()).toBe(t.db);
    expect(t.handle.driver).toBe(testDbTarget()); // the neon run really goes through @neondatabase/serverless
  });

  it("re-seeding never duplicates or reprices products", async () => {
    await t.db.update(products).set({ priceMinor: 1 }).where(eq(products.slug, "spice-trio"));
    expect(await seedProducts(t.db, "EGP")).toBe(0);
    const [spice] = await t.db.select().from(products).where(eq(products.slug, "spice-trio"));
    expect(spice?.priceMinor).toBe(1);
  });

  it("rolls a failed transaction back completely", async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx
          .insert(products)
          .values({ slug: "tmp", name: "Tmp", description: "x", priceMinor: 100, currency: "EGP", image: "/x.svg" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const [row] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(products)
      .where(eq(products.slug, "tmp"));
    expect(row?.n).toBe(0);
  });

  it("enforces the schema's rules in the database, not just in TypeScript", async () => {
    await expect(
      t.db.insert(products).values({
        slug: "aswan-clay-mug",
        name: "Dup",
        description: "x",
        priceMinor: 1,
        currency: "EGP",
        image: "/x.svg",
      }),
    ).rejects.toThrow();
    await expect(
      t.db
        .insert(products)
        .values({ slug: "neg", name: "Neg", description: "x", priceMinor: -1, currency: "EGP", image: "/x.svg" }),
    ).rejects.toThrow();
  });
});
