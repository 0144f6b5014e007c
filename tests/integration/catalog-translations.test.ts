import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { categories, categoryTranslations, products, productTranslations } from "@/db/schema";
import { seedProducts } from "@/db/seed";
import { SEED_CATEGORIES, SEED_PRODUCTS } from "@/db/seed-data";
import { SEED_CATEGORIES_AR, SEED_PRODUCTS_AR } from "@/db/seed-data-ar";
import { MESSAGES } from "@/lib/i18n/messages";
import {
  findCategoryBySlug,
  findProductBySlug,
  listCategories,
  listProducts,
  listProductsInCategory,
  listRelatedProducts,
  searchProducts,
} from "@/lib/catalog/queries";
import { useTestDb } from "../helpers/db";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb();
const arSlugs = async (query: string) => (await searchProducts(t.db, query, "featured", "ar")).map((p) => p.slug);
const arabicName = (slug: string) => SEED_PRODUCTS_AR[slug as keyof typeof SEED_PRODUCTS_AR].name;

// Catalog copy in Arabic (migration 0008) read through the same query module, on every TEST_DB: the folding
// function, the generated tsvector and the tsquery builder must give the same answers on PGlite, PostgreSQL and Neon.
describe.skipIf(t.skipped)(`Arabic catalog copy on ${testDbTarget()}`, () => {
  it("lists products, shelves and a product page in Arabic, in the same order as English", async () => {
    const english = await listProducts(t.db);
    const arabic = await listProducts(t.db, "featured", "ar");
    expect(arabic.map((p) => p.slug)).toEqual(english.map((p) => p.slug));
    for (const p of arabic) {
      const copy = SEED_PRODUCTS_AR[p.slug as keyof typeof SEED_PRODUCTS_AR];
      expect(p).toMatchObject({ name: copy.name, description: copy.description });
    }
    // Everything but the text is the product's own.
    expect(arabic.map(({ name: _n, description: _d, ...rest }) => rest)).toEqual(
      english.map(({ name: _n, description: _d, ...rest }) => rest),
    );

    const shelves = await listCategories(t.db, "ar");
    expect(shelves.map((c) => [c.slug, c.name, c.description])).toEqual(
      SEED_CATEGORIES.map((c) => [c.slug, SEED_CATEGORIES_AR[c.slug].name, SEED_CATEGORIES_AR[c.slug].description]),
    );
    expect(shelves.map((c) => c.productCount)).toEqual((await listCategories(t.db)).map((c) => c.productCount));

    const pantry = await findCategoryBySlug(t.db, "pantry", "ar");
    expect(pantry?.name).toBe("المؤونة");
    const inPantry = await listProductsInCategory(t.db, pantry!.id, "price-asc", "ar");
    expect(inPantry.map((p) => p.name)).toEqual(
      SEED_PRODUCTS.filter((p) => p.category === "pantry")
        .sort((a, b) => a.price - b.price)
        .map((p) => arabicName(p.slug)),
    );

    expect(await findProductBySlug(t.db, "brass-coffee-pot", "ar")).toMatchObject({
      name: "كنكة قهوة نحاسية",
      description: SEED_PRODUCTS_AR["brass-coffee-pot"].description,
      category: { slug: "kitchen", name: "المطبخ والمائدة" },
    });
    const mug = await findProductBySlug(t.db, "aswan-clay-mug", "ar");
    const related = await listRelatedProducts(t.db, mug!.id, 4, "ar");
    expect(related.map((p) => p.name)).toEqual(related.map((p) => arabicName(p.slug)));
  });

  it("reads English exactly as before when no locale is given", async () => {
    expect((await listProducts(t.db)).map((p) => [p.slug, p.name])).toEqual(SEED_PRODUCTS.map((p) => [p.slug, p.name]));
    expect((await listCategories(t.db)).map((c) => c.name)).toEqual(SEED_CATEGORIES.map((c) => c.name));
    expect(await findProductBySlug(t.db, "brass-coffee-pot")).toMatchObject({
      name: "Brass Coffee Pot",
      category: { slug: "kitchen", name: "Kitchen & table" },
    });
    expect((await searchProducts(t.db, "mugs", "featured")).map((p) => p.slug)).toEqual(["aswan-clay-mug"]);
    // The English search does not look at the Arabic copy.
    expect(await searchProducts(t.db, "قهوة", "featured")).toEqual([]);
  });

  it("finds ta marbuta and ha spellings alike, ranking a name hit first", async () => {
    // "قهوة" names the pot and is in the mug's description.
    for (const query of ["قهوة", "قهوه", "القهوة", "القهوه"]) {
      expect(await arSlugs(query), query).toEqual(["brass-coffee-pot", "aswan-clay-mug"]);
    }
    // The copy spells it كركديه; a shopper may type كركدية.
    expect(await arSlugs("كركدية")).toEqual(["karkade-hibiscus-tea"]);
    expect(await arSlugs("كركديه")).toEqual(["karkade-hibiscus-tea"]);
  });

  it("ignores harakat, shadda and tatweel on either side", async () => {
    // The copy writes مجّ with a shadda; "مج" is also the start of مجففة (prefix match), ranked after the name hit.
    expect(await arSlugs("مج")).toEqual(["aswan-clay-mug", "karkade-hibiscus-tea"]);
    expect(await arSlugs("مجّ")).toEqual(await arSlugs("مج"));
    for (const query of ["قَهْوَة", "قَهْوَةٌ", "قهـــوة", "ٱلْقَهْوَةُ"]) {
      expect(await arSlugs(query), query).toEqual(["brass-coffee-pot", "aswan-clay-mug"]);
    }
    expect(await arSlugs("كمون")).toEqual(["spice-trio"]); // the copy says كمّون
    expect(await arSlugs("تضاء")).toEqual(["alabaster-candle-holder"]); // the copy says تُضاء
  });

  it("folds alef forms, alef maqsura and the hamza carriers", async () => {
    // أسوان in the copy: the mug's name and the hibiscus's description.
    for (const query of ["اسوان", "أسوان", "إسوان", "آسوان", "ٱسوان"]) {
      expect(await arSlugs(query), query).toEqual(["aswan-clay-mug", "karkade-hibiscus-tea"]);
    }
    expect(await arSlugs("انيه")).toEqual(["fayoum-pottery-bowl"]); // آنية
    expect(await arSlugs("اباجوره")).toEqual(["mashrabiya-lamp"]); // أباجورة
    expect(await arSlugs("الاهداء")).toEqual(["siwa-date-box"]); // للإهداء
    expect(await arSlugs("الكبري")).toEqual(["cotton-bath-towel"]); // الكبرى
    expect(await arSlugs("كووس")).toEqual(["karkade-hibiscus-tea"]); // كؤوس
    expect(await arSlugs("يلايم")).toEqual(["linen-throw"]); // يلائم
  });

  it("matches words as prefixes, needs every word, and still finds Latin words through the English text", async () => {
    expect(await arSlugs("كنك")).toEqual(["brass-coffee-pot"]);
    expect(await arSlugs("زيت زيتون")).toEqual(["siwa-olive-oil"]);
    expect(await arSlugs("زيت عسل")).toEqual([]);
    expect((await arSlugs("سيوة")).sort()).toEqual(["siwa-date-box", "siwa-olive-oil"]);
    expect((await arSlugs("Siwa")).sort()).toEqual(["siwa-date-box", "siwa-olive-oil"]);
  });

  it("finds nothing for unknown words, blank input or stray syntax", async () => {
    for (const query of ["ظظظظ", "", "   ", "&|!():*", "' or 1=1 --", "\\", "'\\':*", "ّ", "ـــ"]) {
      expect(await arSlugs(query), query).toEqual([]);
    }
  });

  it("answers from the GIN index on the generated Arabic column", async () => {
    const plan = await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx.execute(
        sql`explain select product_id from product_translations where search @@ catalog_search_tsquery('قهوة')`,
      );
    });
    expect(JSON.stringify(plan)).toMatch(/product_translations_search_idx/);
  });

  it("rejects a locale outside the known set, and keeps one translation per product and locale", async () => {
    const [mug] = await t.db.select({ id: products.id }).from(products).where(eq(products.slug, "aswan-clay-mug"));
    await expect(
      t.db.insert(productTranslations).values({ productId: mug!.id, locale: "fr", name: "Tasse" }),
    ).rejects.toThrow();
    await expect(
      t.db.insert(productTranslations).values({ productId: mug!.id, locale: "ar", name: "مج آخر" }),
    ).rejects.toThrow();
  });

  it("is seeded once: a re-seed adds no copy and leaves edited copy alone", async () => {
    const count = async () => [
      (await t.db.select({ n: sql<number>`count(*)::int` }).from(productTranslations))[0]?.n,
      (await t.db.select({ n: sql<number>`count(*)::int` }).from(categoryTranslations))[0]?.n,
    ];
    expect(await count()).toEqual([SEED_PRODUCTS.length, SEED_CATEGORIES.length]);
    const [mug] = await t.db.select({ id: products.id }).from(products).where(eq(products.slug, "aswan-clay-mug"));
    await t.db.update(productTranslations).set({ name: "مجّ أسوان" }).where(eq(productTranslations.productId, mug!.id));
    expect(await seedProducts(t.db, "EGP")).toBe(0);
    expect(await count()).toEqual([SEED_PRODUCTS.length, SEED_CATEGORIES.length]);
    expect((await findProductBySlug(t.db, "aswan-clay-mug", "ar"))?.name).toBe("مجّ أسوان");
  });

  it("finds products for every word the search page suggests, in either language", async () => {
    // The empty and no-result search pages name example words («قطن», “cotton”); each must find something.
    const examples = (text: string) => [...text.matchAll(/[«“]([^»”]+)[»”]/g)].map((m) => m[1]!);
    const { promptBody: arPrompt, noMatchBody: arNoMatch } = MESSAGES.ar.catalog.search;
    const { promptBody: enPrompt, noMatchBody: enNoMatch } = MESSAGES.en.catalog.search;
    const arabic = examples(arPrompt + arNoMatch);
    const english = examples(enPrompt + enNoMatch);
    expect(arabic).toHaveLength(5);
    expect(english).toHaveLength(5);
    for (const word of arabic) expect((await arSlugs(word)).length, word).toBeGreaterThan(0);
    for (const word of english) expect((await searchProducts(t.db, word, "featured")).length, word).toBeGreaterThan(0);
  });

  // Last: it edits the catalog.
  it("falls back to English per field when a translation or one of its fields is missing", async () => {
    const [added] = await t.db
      .insert(products)
      .values({
        slug: "untranslated-lamp",
        name: "Untranslated Lamp",
        description: "No Arabic copy yet.",
        priceMinor: 100,
        currency: "EGP",
        image: "/products/mashrabiya-lamp.svg",
      })
      .returning({ id: products.id });
    const [spices] = await t.db.select({ id: products.id }).from(products).where(eq(products.slug, "spice-trio"));
    await t.db
      .update(productTranslations)
      .set({ description: null })
      .where(eq(productTranslations.productId, spices!.id));
    const [towel] = await t.db.select({ id: products.id }).from(products).where(eq(products.slug, "cotton-bath-towel"));
    await t.db.update(productTranslations).set({ name: "  " }).where(eq(productTranslations.productId, towel!.id));
    const [gifts] = await t.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, "gifts"));
    await t.db.delete(categoryTranslations).where(eq(categoryTranslations.categoryId, gifts!.id));

    const bySlug = new Map((await listProducts(t.db, "featured", "ar")).map((p) => [p.slug, p]));
    expect(bySlug.get("untranslated-lamp")).toMatchObject({
      name: "Untranslated Lamp",
      description: "No Arabic copy yet.",
    });
    expect(bySlug.get("spice-trio")).toMatchObject({
      name: "ثلاثي التوابل",
      description: SEED_PRODUCTS.find((p) => p.slug === "spice-trio")!.description,
    });
    expect(bySlug.get("cotton-bath-towel")).toMatchObject({
      name: "Egyptian Cotton Bath Towel",
      description: SEED_PRODUCTS_AR["cotton-bath-towel"].description,
    });
    expect(await findProductBySlug(t.db, "untranslated-lamp", "ar")).toMatchObject({
      name: "Untranslated Lamp",
      category: null,
    });
    expect(await findCategoryBySlug(t.db, "gifts", "ar")).toMatchObject({
      name: "Gift sets",
      description: SEED_CATEGORIES.find((c) => c.slug === "gifts")!.description,
    });
    // Shown in English, so found in English from the Arabic store.
    expect(await arSlugs("untranslated")).toEqual(["untranslated-lamp"]);
    expect(added).toBeDefined();
  });
});
