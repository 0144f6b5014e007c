import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { SEED_PRODUCTS } from "@/db/seed-data";
import { searchProducts } from "@/lib/catalog/queries";
import { useTestDb } from "../helpers/db";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb();
const slugs = async (query: string, sort: Parameters<typeof searchProducts>[2] = "featured") =>
  (await searchProducts(t.db, query, sort)).map((p) => p.slug);

// PostgreSQL full-text search over the generated `search` column: the same SQL must behave the same on the embedded
// PGlite and on a PostgreSQL server (TEST_DB=pg; Neon is PostgreSQL behind another driver, TEST_DB=neon).
describe.skipIf(t.skipped)(`catalog search on ${testDbTarget()}`, () => {
  it("stems words, so a plural or another form finds the product", async () => {
    expect(await slugs("mugs")).toEqual(["aswan-clay-mug"]);
    expect(await slugs("towels")).toEqual(["cotton-bath-towel"]);
    expect(await slugs("glazing")).toEqual(["aswan-clay-mug"]); // the description says "glazed"
  });

  it("searches descriptions as well as names, ranking a name hit first", async () => {
    expect(await slugs("cardamom")).toEqual(["brass-coffee-pot"]); // only in its description
    // "coffee" names the pot and is in the mug's description: the name hit ranks first.
    expect(await slugs("coffee")).toEqual(["brass-coffee-pot", "aswan-clay-mug"]);
  });

  it("needs every word of a multi-word search, and understands quotes and minus", async () => {
    expect(await slugs("cotton towel")).toEqual(["cotton-bath-towel"]);
    expect(await slugs("cotton tote")).toEqual(["khan-cotton-tote"]);
    expect(await slugs('"olive oil"')).toEqual(["siwa-olive-oil"]);
    expect((await slugs("siwa -dates")).sort()).toEqual(["siwa-olive-oil"]);
  });

  it("finds nothing for unknown words, stop words only, blank input or stray syntax", async () => {
    for (const query of ["zzzyzx", "the", "", "   ", "&|!():*", "' or 1=1 --"]) {
      expect(await slugs(query), query).toEqual([]);
    }
  });

  it("sorts results by price or name when asked", async () => {
    const query = "siwa or cotton";
    const matching = SEED_PRODUCTS.filter((p) => /siwa|cotton/i.test(p.name));
    const byPrice = [...matching].sort((a, b) => a.price - b.price).map((p) => p.slug);
    expect(await slugs(query, "price-asc")).toEqual(byPrice);
    expect(await slugs(query, "price-desc")).toEqual([...byPrice].reverse());
    const byName = [...matching].sort((a, b) => (a.name < b.name ? -1 : 1)).map((p) => p.slug);
    expect(await slugs(query, "name")).toEqual(byName);
  });

  it("answers from the GIN index on the generated column", async () => {
    const plan = await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx.execute(sql`explain select id from products where search @@ websearch_to_tsquery('english', 'mug')`);
    });
    expect(JSON.stringify(plan)).toMatch(/products_search_idx/);
  });
});
