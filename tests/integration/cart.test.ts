import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { carts, products } from "@/db/schema";
import { SEED_PRODUCTS } from "@/db/seed-data";
import { SEED_PRODUCTS_AR } from "@/db/seed-data-ar";
import { clearCart, loadCart } from "@/lib/cart";
import { addItem, removeItem, setItemQuantity } from "@/lib/cart/mutations";
import type { CartResult, CartView } from "@/lib/cart/types";
import { useTestDb } from "../helpers/db";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb();

const seedPrice = (slug: string) => (SEED_PRODUCTS.find((p) => p.slug === slug)?.price ?? NaN) * 100; // EGP piastres
const ids: Record<string, number> = {};
const ARABIC_MUG = SEED_PRODUCTS_AR["aswan-clay-mug"].name;

function expectCart(result: CartResult): CartView {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.cart;
}

function expectError(result: CartResult, code: string) {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.code).toBe(code);
}

async function cartCount(): Promise<number> {
  const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(carts);
  return row?.n ?? 0;
}

describe.skipIf(t.skipped)(`cart data layer on ${testDbTarget()}`, () => {
  beforeAll(async () => {
    for (const row of await t.db.select({ id: products.id, slug: products.slug }).from(products))
      ids[row.slug] = row.id;
  });
  const id = (slug: string) => ids[slug] ?? -1;

  it("creates a cart on the first add and prices it from the catalog", async () => {
    const cart = expectCart(await addItem(t.db, undefined, { productId: id("aswan-clay-mug") }, "EGP"));
    expect(cart.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(cart.lines).toEqual([
      {
        productId: id("aswan-clay-mug"),
        slug: "aswan-clay-mug",
        name: "Aswan Clay Mug",
        image: "/products/aswan-clay-mug.svg",
        unitPriceMinor: seedPrice("aswan-clay-mug"),
        quantity: 1,
        lineTotalMinor: seedPrice("aswan-clay-mug"),
      },
    ]);
    expect(await loadCart(t.db, cart.id ?? undefined, "EGP")).toEqual(cart);
  });

  it("names the lines in the shopper's language, priced the same", async () => {
    const added = expectCart(await addItem(t.db, undefined, { productId: id("aswan-clay-mug") }, "EGP", "ar"));
    expect(added.lines.map((line) => line.name)).toEqual([ARABIC_MUG]);
    const english = await loadCart(t.db, added.id ?? undefined, "EGP");
    expect(english.lines.map((line) => line.name)).toEqual(["Aswan Clay Mug"]);
    expect(english.subtotalMinor).toBe(added.subtotalMinor);
  });

  it("adds to an existing line, adds new lines in order, and keeps the totals right", async () => {
    const first = expectCart(await addItem(t.db, undefined, { productId: id("spice-trio"), quantity: 2 }, "EGP"));
    const cartId = first.id ?? undefined;
    await addItem(t.db, cartId, { productId: id("linen-throw") }, "EGP");
    const cart = expectCart(await addItem(t.db, cartId, { productId: id("spice-trio"), quantity: "3" }, "EGP"));
    expect(cart.id).toBe(cartId);
    expect(cart.lines.map((l) => [l.slug, l.quantity, l.lineTotalMinor])).toEqual([
      ["spice-trio", 5, 5 * seedPrice("spice-trio")],
      ["linen-throw", 1, seedPrice("linen-throw")],
    ]);
    expect(cart.itemCount).toBe(6);
    expect(cart.subtotalMinor).toBe(5 * seedPrice("spice-trio") + seedPrice("linen-throw"));
  });

  it("caps a line at 99 however much is added", async () => {
    const cartId =
      expectCart(await addItem(t.db, undefined, { productId: id("papyrus-notebook"), quantity: 60 }, "EGP")).id ??
      undefined;
    const cart = expectCart(await addItem(t.db, cartId, { productId: id("papyrus-notebook"), quantity: 60 }, "EGP"));
    expect(cart.lines[0]?.quantity).toBe(99);
  });

  it("counts concurrent adds to the same line exactly once each", async () => {
    const cartId =
      expectCart(await addItem(t.db, undefined, { productId: id("siwa-date-box") }, "EGP")).id ?? undefined;
    await Promise.all(
      Array.from({ length: 5 }, () => addItem(t.db, cartId, { productId: id("siwa-date-box") }, "EGP")),
    );
    expect((await loadCart(t.db, cartId, "EGP")).lines[0]?.quantity).toBe(6);
  });

  it("rejects an unknown product, or bad quantities, without creating a cart", async () => {
    const before = await cartCount();
    expectError(await addItem(t.db, undefined, { productId: 999_999 }, "EGP"), "product_not_found");
    expectError(await addItem(t.db, undefined, { productId: id("spice-trio"), quantity: 0 }, "EGP"), "invalid_input");
    expectError(await addItem(t.db, undefined, { productId: id("spice-trio"), quantity: 100 }, "EGP"), "invalid_input");
    expectError(await addItem(t.db, undefined, { productId: "1; drop table carts" }, "EGP"), "invalid_input");
    expect(await cartCount()).toBe(before);
  });

  it("refuses a product priced in another currency than the store's", async () => {
    expectError(await addItem(t.db, undefined, { productId: id("spice-trio") }, "OMR"), "product_unavailable");
  });

  it("sets exact quantities within 1..99 and rejects the rest", async () => {
    const cartId =
      expectCart(await addItem(t.db, undefined, { productId: id("brass-coffee-pot") }, "EGP")).id ?? undefined;
    const cart = expectCart(
      await setItemQuantity(t.db, cartId, { productId: id("brass-coffee-pot"), quantity: 4 }, "EGP"),
    );
    expect(cart.lines[0]).toMatchObject({ quantity: 4, lineTotalMinor: 4 * seedPrice("brass-coffee-pot") });
    expect(
      expectCart(await setItemQuantity(t.db, cartId, { productId: id("brass-coffee-pot"), quantity: 99 }, "EGP"))
        .itemCount,
    ).toBe(99);
    for (const quantity of [0, -1, 100, 2.5, "many"]) {
      expectError(
        await setItemQuantity(t.db, cartId, { productId: id("brass-coffee-pot"), quantity }, "EGP"),
        "invalid_input",
      );
    }
    expectError(
      await setItemQuantity(t.db, cartId, { productId: id("linen-throw"), quantity: 2 }, "EGP"),
      "not_in_cart",
    );
    expectError(
      await setItemQuantity(t.db, undefined, { productId: id("linen-throw"), quantity: 2 }, "EGP"),
      "not_in_cart",
    );
    expect((await loadCart(t.db, cartId, "EGP")).itemCount).toBe(99);
  });

  it("removes lines, and removing twice is harmless", async () => {
    const cartId =
      expectCart(await addItem(t.db, undefined, { productId: id("sinai-wild-honey") }, "EGP")).id ?? undefined;
    await addItem(t.db, cartId, { productId: id("mashrabiya-lamp") }, "EGP");
    const cart = expectCart(await removeItem(t.db, cartId, { productId: id("sinai-wild-honey") }, "EGP"));
    expect(cart.lines.map((l) => l.slug)).toEqual(["mashrabiya-lamp"]);
    expect(cart.subtotalMinor).toBe(seedPrice("mashrabiya-lamp"));
    expect(expectCart(await removeItem(t.db, cartId, { productId: id("sinai-wild-honey") }, "EGP")).lines).toHaveLength(
      1,
    );
    expectError(await removeItem(t.db, cartId, { productId: 0 }, "EGP"), "invalid_input");
  });

  it("recomputes totals from the current product price, never a remembered one", async () => {
    const cartId =
      expectCart(await addItem(t.db, undefined, { productId: id("fayoum-pottery-bowl"), quantity: 3 }, "EGP")).id ??
      undefined;
    expect((await loadCart(t.db, cartId, "EGP")).subtotalMinor).toBe(3 * seedPrice("fayoum-pottery-bowl"));
    await t.db
      .update(products)
      .set({ priceMinor: 6_125 })
      .where(eq(products.id, id("fayoum-pottery-bowl")));
    const cart = await loadCart(t.db, cartId, "EGP");
    expect(cart.lines[0]).toMatchObject({ unitPriceMinor: 6_125, lineTotalMinor: 18_375 });
    expect(cart.subtotalMinor).toBe(18_375);
  });

  it("never shows one cart's lines through another cart id", async () => {
    const a =
      expectCart(await addItem(t.db, undefined, { productId: id("khan-cotton-tote"), quantity: 2 }, "EGP")).id ??
      undefined;
    const b = expectCart(await addItem(t.db, undefined, { productId: id("cotton-bath-towel") }, "EGP")).id ?? undefined;
    expect(a).not.toBe(b);
    expect((await loadCart(t.db, b, "EGP")).lines.map((l) => l.slug)).toEqual(["cotton-bath-towel"]);
    // B cannot change or remove A's line by naming A's product.
    expectError(
      await setItemQuantity(t.db, b, { productId: id("khan-cotton-tote"), quantity: 9 }, "EGP"),
      "not_in_cart",
    );
    await removeItem(t.db, b, { productId: id("khan-cotton-tote") }, "EGP");
    expect((await loadCart(t.db, a, "EGP")).lines.map((l) => [l.slug, l.quantity])).toEqual([["khan-cotton-tote", 2]]);
  });

  it("treats a missing, malformed or stale cart id as no cart, and starts a new one on add", async () => {
    for (const bogus of [undefined, "", "not-a-uuid", "' or 1=1 --", "6f9619ff-8b86-4011-b42d-00c04fc964ff"]) {
      expect(await loadCart(t.db, bogus, "EGP")).toEqual({
        id: null,
        lines: [],
        itemCount: 0,
        subtotalMinor: 0,
        currency: "EGP",
      });
    }
    const cart = expectCart(
      await addItem(t.db, "6f9619ff-8b86-4011-b42d-00c04fc964ff", { productId: id("spice-trio") }, "EGP"),
    );
    expect(cart.id).not.toBe("6f9619ff-8b86-4011-b42d-00c04fc964ff");
    expect(cart.itemCount).toBe(1);
  });

  it("clears a cart inside a transaction, and a rolled-back clear leaves it intact", async () => {
    const cartId = expectCart(
      await addItem(t.db, undefined, { productId: id("alabaster-candle-holder"), quantity: 2 }, "EGP"),
    ).id;
    if (!cartId) throw new Error("no cart id");
    await expect(
      t.db.transaction(async (tx) => {
        await clearCart(tx, cartId);
        throw new Error("order insert failed");
      }),
    ).rejects.toThrow("order insert failed");
    expect((await loadCart(t.db, cartId, "EGP")).itemCount).toBe(2);
    await t.db.transaction((tx) => clearCart(tx, cartId));
    expect(await loadCart(t.db, cartId, "EGP")).toMatchObject({
      id: cartId,
      lines: [],
      itemCount: 0,
      subtotalMinor: 0,
    });
  });
});
