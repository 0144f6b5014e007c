import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { products } from "@/db/schema";
import { SEED_PRODUCTS } from "@/db/seed-data";
import { changeProductPrice, refreshCatalog } from "@/lib/admin/product-prices";
import { addItem } from "@/lib/cart/mutations";
import { loadCart } from "@/lib/cart";
import { findProductBySlug, listProducts } from "@/lib/catalog/queries";
import { MAX_PRICE_MINOR } from "@/lib/catalog/price-rules";
import { setProductPrice, type SetProductPriceInput } from "@/lib/catalog/writes";
import { logger } from "@/lib/logger";
import { testViewer, useTestAdmin } from "../helpers/admin";
import { useTestDb } from "../helpers/db";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb();
const admin = useTestAdmin();

const seedPrice = (slug: string) => (SEED_PRODUCTS.find((p) => p.slug === slug)?.price ?? NaN) * 100; // EGP piastres

async function priceOf(slug: string): Promise<number | undefined> {
  const [row] = await t.db.select({ price: products.priceMinor }).from(products).where(eq(products.slug, slug));
  return row?.price;
}

/**
 * Returns once some connection to this database is blocked on a row lock. PGlite has a single connection, which
 * runs one transaction at a time: there, the second change simply queues behind the first.
 */
async function untilAConnectionWaitsOnALock(): Promise<void> {
  if (testDbTarget() === "pglite") return;
  const waiting = sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
  for (;;) {
    const result = (await t.db.execute(waiting)) as unknown as { rows: { n: number }[] };
    if ((result.rows[0]?.n ?? 0) > 0) return;
  }
}

async function idOf(slug: string): Promise<number> {
  const [row] = await t.db.select({ id: products.id }).from(products).where(eq(products.slug, slug));
  if (!row) throw new Error(`no product ${slug}`);
  return row.id;
}

describe.skipIf(t.skipped)(`setProductPrice on ${testDbTarget()}`, () => {
  it("changes the price by id, and every storefront read (product, listing, a cart made before) sees it", async () => {
    const id = await idOf("aswan-clay-mug");
    const cart = await addItem(t.db, undefined, { productId: id, quantity: 2 }, "EGP");
    if (!cart.ok) throw new Error(cart.error.code);
    const info = vi.spyOn(logger, "info");

    const result = await setProductPrice(t.db, {
      productId: id,
      priceMinor: 33_350,
      currency: "EGP",
      by: admin.email!,
    });

    expect(result).toEqual({
      ok: true,
      product: { id, slug: "aswan-clay-mug", name: "Aswan Clay Mug", currency: "EGP" },
      oldPriceMinor: seedPrice("aswan-clay-mug"),
      newPriceMinor: 33_350,
      changed: true,
    });
    expect((await findProductBySlug(t.db, "aswan-clay-mug"))?.priceMinor).toBe(33_350);
    expect((await listProducts(t.db)).find((p) => p.id === id)?.priceMinor).toBe(33_350);
    const repriced = await loadCart(t.db, cart.cart.id ?? undefined, "EGP");
    expect(repriced.lines[0]).toMatchObject({ productId: id, unitPriceMinor: 33_350 });
    expect(repriced.subtotalMinor).toBe(2 * 33_350);
    // The log says which product, the old and new price, and who.
    expect(info).toHaveBeenCalledWith(
      {
        scope: "catalog",
        productId: id,
        slug: "aswan-clay-mug",
        currency: "EGP",
        oldPriceMinor: seedPrice("aswan-clay-mug"),
        newPriceMinor: 33_350,
        by: admin.email,
      },
      "product price changed",
    );
  });

  it("finds the product by slug too, and says when the price was already that", async () => {
    const first = await setProductPrice(t.db, { slug: "spice-trio", priceMinor: 30_000, currency: "EGP", by: "seed" });
    expect(first).toMatchObject({ ok: true, oldPriceMinor: seedPrice("spice-trio"), changed: true });
    const again = await setProductPrice(t.db, { slug: "spice-trio", priceMinor: 30_000, currency: "EGP", by: "seed" });
    expect(again).toMatchObject({ ok: true, oldPriceMinor: 30_000, newPriceMinor: 30_000, changed: false });
    expect(await priceOf("spice-trio")).toBe(30_000);
  });

  it("answers an unknown product with not_found and writes nothing", async () => {
    expect(await setProductPrice(t.db, { productId: 999_999, priceMinor: 100, currency: "EGP", by: "x" })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await setProductPrice(t.db, { slug: "no-such-product", priceMinor: 100, currency: "EGP", by: "x" })).toEqual(
      { ok: false, error: "not_found" },
    );
  });

  it("never changes a product's currency: another currency is refused and the price stays", async () => {
    const result = await setProductPrice(t.db, {
      slug: "siwa-olive-oil",
      priceMinor: 4_200,
      currency: "OMR",
      by: admin.email!,
    });
    expect(result).toEqual({ ok: false, error: "currency_mismatch", productCurrency: "EGP" });
    expect(await priceOf("siwa-olive-oil")).toBe(seedPrice("siwa-olive-oil"));
    const [row] = await t.db
      .select({ currency: products.currency })
      .from(products)
      .where(eq(products.slug, "siwa-olive-oil"));
    expect(row?.currency).toBe("EGP");
  });

  const base = { slug: "linen-throw", priceMinor: 1_000, currency: "EGP", by: "admin@example.com" };
  it.each<[string, Record<string, unknown>]>([
    ["a zero price", { priceMinor: 0 }],
    ["a negative price", { priceMinor: -100 }],
    ["a fraction of a minor unit", { priceMinor: 12.5 }],
    ["a price over the maximum", { priceMinor: MAX_PRICE_MINOR + 1 }],
    ["a price that is not a number", { priceMinor: "1000" }],
    ["NaN", { priceMinor: NaN }],
    ["a currency that is not a code", { currency: "egp" }],
    ["no one to log", { by: " " }],
    ["both an id and a slug", { productId: 1 }],
    ["neither an id nor a slug", { slug: undefined }],
    ["a slug that cannot exist", { slug: "' or 1=1 --" }],
  ])("refuses %s as invalid_input and writes nothing", async (_label, change) => {
    const result = await setProductPrice(t.db, { ...base, ...change } as SetProductPriceInput);
    expect(result).toMatchObject({ ok: false, error: "invalid_input" });
    expect(await priceOf("linen-throw")).toBe(seedPrice("linen-throw"));
  });

  it("accepts the maximum price", async () => {
    const result = await setProductPrice(t.db, { ...base, slug: "mashrabiya-lamp", priceMinor: MAX_PRICE_MINOR });
    expect(result).toMatchObject({ ok: true, newPriceMinor: MAX_PRICE_MINOR });
  });

  it("waits for a change already holding the row, then logs the price that change left", async () => {
    const slug = "brass-coffee-pot";
    let change: Promise<Awaited<ReturnType<typeof setProductPrice>>> | undefined;
    // Another writer (a second admin, a script) holds the row in its own transaction and sets 1,111.00; our
    // change starts meanwhile. Without the lock it would read the committed seed price, report that as the old
    // one, and overwrite 1,111.00 without the log ever showing it.
    await t.db.transaction(async (tx) => {
      await tx.select().from(products).where(eq(products.slug, slug)).for("update");
      change = setProductPrice(t.db, { slug, priceMinor: 222_200, currency: "EGP", by: "b@example.com" });
      await untilAConnectionWaitsOnALock();
      await tx.update(products).set({ priceMinor: 111_100 }).where(eq(products.slug, slug));
    });
    expect(await change).toMatchObject({ ok: true, oldPriceMinor: 111_100, newPriceMinor: 222_200, changed: true });
    expect(await priceOf(slug)).toBe(222_200);
  });
});

describe.skipIf(t.skipped)(`the admin's price change on ${testDbTarget()}`, () => {
  const form = async (slug: string, price: string, currency = "EGP") => ({
    productId: String(await idOf(slug)),
    currency,
    price,
  });

  it("sets the price from major units and invalidates the cached catalog once", async () => {
    const invalidate = vi.fn();
    const state = await changeProductPrice(admin, t.db, await form("papyrus-notebook", "333.50"), invalidate);
    expect(state).toEqual({
      status: "saved",
      notice: {
        code: "price_changed",
        product: "Papyrus Notebook",
        currency: "EGP",
        priceMinor: 33_350,
        oldPriceMinor: 31_000,
      },
    });
    expect(await priceOf("papyrus-notebook")).toBe(33_350);
    expect(invalidate).toHaveBeenCalledTimes(1);
  });

  it("says when nothing changed, and still invalidates (the row may have been changed in the database directly)", async () => {
    const invalidate = vi.fn();
    const state = await changeProductPrice(admin, t.db, await form("papyrus-notebook", "333.5"), invalidate);
    expect(state).toEqual({
      status: "saved",
      notice: { code: "price_unchanged", product: "Papyrus Notebook", currency: "EGP", priceMinor: 33_350 },
    });
    expect(invalidate).toHaveBeenCalledTimes(1);
  });

  it("refuses anyone but an admin before reading the form", async () => {
    const invalidate = vi.fn();
    for (const viewer of [null, testViewer("shopper@example.com"), testViewer(admin.email!, null)]) {
      const state = await changeProductPrice(viewer, t.db, await form("khan-cotton-tote", "1.00"), invalidate);
      expect(state.status).toBe("refused");
    }
    expect(invalidate).not.toHaveBeenCalled();
    expect(await priceOf("khan-cotton-tote")).toBe(seedPrice("khan-cotton-tote"));
  });

  it("explains a refused price, a vanished product and a changed currency, and invalidates nothing", async () => {
    const invalidate = vi.fn();
    expect(await changeProductPrice(admin, t.db, await form("khan-cotton-tote", "0"), invalidate)).toEqual({
      status: "invalid",
      notice: { code: "price_zero" },
    });
    expect(
      await changeProductPrice(admin, t.db, { productId: "999999", currency: "EGP", price: "10" }, invalidate),
    ).toEqual({ status: "invalid", notice: { code: "product_gone" } });
    expect(await changeProductPrice(admin, t.db, await form("khan-cotton-tote", "10.000", "OMR"), invalidate)).toEqual({
      status: "invalid",
      notice: { code: "currency_changed", productCurrency: "EGP", formCurrency: "OMR" },
    });
    expect(invalidate).not.toHaveBeenCalled();
    expect(await priceOf("khan-cotton-tote")).toBe(seedPrice("khan-cotton-tote"));
  });

  it("refreshes the catalog for an admin only", () => {
    const invalidate = vi.fn();
    expect(refreshCatalog(testViewer("shopper@example.com"), invalidate).status).toBe("refused");
    expect(invalidate).not.toHaveBeenCalled();
    expect(refreshCatalog(admin, invalidate).status).toBe("refreshed");
    expect(invalidate).toHaveBeenCalledTimes(1);
  });
});
