import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyCartUpdate, clampQuantity } from "@/lib/cart/optimistic";
import { addToCartInput, removeFromCartInput, setQuantityInput } from "@/lib/cart/schemas";
import { emptyCart, summarizeCart, type PricedLine } from "@/lib/cart/summary";

const mug: PricedLine = {
  productId: 1,
  slug: "aswan-clay-mug",
  name: "Aswan Clay Mug",
  image: "/products/aswan-clay-mug.svg",
  unitPriceMinor: 35_000,
  quantity: 2,
};
const tea: PricedLine = {
  productId: 5,
  slug: "karkade-hibiscus-tea",
  name: "Karkade Hibiscus Tea, 250 g",
  image: "/products/karkade-hibiscus-tea.svg",
  unitPriceMinor: 16_000,
  quantity: 3,
};
const cart = summarizeCart("3b241101-e2bb-4255-8caf-4136c566a962", [mug, tea], "EGP");

describe("summarizeCart", () => {
  it("computes line totals, the item count and the subtotal in minor units", () => {
    expect(cart.lines.map((l) => l.lineTotalMinor)).toEqual([70_000, 48_000]);
    expect(cart.itemCount).toBe(5);
    expect(cart.subtotalMinor).toBe(118_000);
    expect(cart.currency).toBe("EGP");
  });

  it("gives an empty cart zero totals", () => {
    expect(emptyCart("OMR")).toEqual({ id: null, lines: [], itemCount: 0, subtotalMinor: 0, currency: "OMR" });
  });

  it("refuses a subtotal that is no longer an exact integer", () => {
    const huge = { ...mug, unitPriceMinor: Number.MAX_SAFE_INTEGER, quantity: 1 };
    expect(() => summarizeCart(null, [huge, tea], "EGP")).toThrow(RangeError);
  });

  it("always equals the sum of unit price × quantity", () => {
    const line = fc.record({
      unitPriceMinor: fc.integer({ min: 0, max: 10_000_000 }),
      quantity: fc.integer({ min: 1, max: 99 }),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const view = summarizeCart(
          null,
          lines.map((l, i) => ({ ...mug, ...l, productId: i + 1 })),
          "EGP",
        );
        expect(view.subtotalMinor).toBe(lines.reduce((sum, l) => sum + l.unitPriceMinor * l.quantity, 0));
        expect(view.itemCount).toBe(lines.reduce((sum, l) => sum + l.quantity, 0));
      }),
    );
  });
});

describe("applyCartUpdate (optimistic cart)", () => {
  it("sets a quantity and recomputes the totals", () => {
    const next = applyCartUpdate(cart, { type: "set-quantity", productId: 5, quantity: 1 });
    expect(next.lines.find((l) => l.productId === 5)).toMatchObject({ quantity: 1, lineTotalMinor: 16_000 });
    expect(next.itemCount).toBe(3);
    expect(next.subtotalMinor).toBe(86_000);
  });

  it("removes a line and recomputes the totals", () => {
    const next = applyCartUpdate(cart, { type: "remove", productId: 1 });
    expect(next.lines.map((l) => l.productId)).toEqual([5]);
    expect(next.subtotalMinor).toBe(48_000);
    expect(next.itemCount).toBe(3);
  });

  it("clamps quantities to what the server accepts", () => {
    expect(applyCartUpdate(cart, { type: "set-quantity", productId: 1, quantity: 500 }).lines[0]?.quantity).toBe(99);
    expect(applyCartUpdate(cart, { type: "set-quantity", productId: 1, quantity: 0 }).lines[0]?.quantity).toBe(1);
  });

  it("ignores lines that are not in the cart and never mutates its input", () => {
    const before = structuredClone(cart);
    expect(applyCartUpdate(cart, { type: "set-quantity", productId: 42, quantity: 3 })).toEqual(cart);
    expect(applyCartUpdate(cart, { type: "remove", productId: 42 })).toEqual(cart);
    expect(cart).toEqual(before);
  });

  it.each([
    [0, 1],
    [-4, 1],
    [2.7, 2],
    [99, 99],
    [100, 99],
    [Number.NaN, 1],
  ])("clampQuantity(%s) = %s", (input, expected) => {
    expect(clampQuantity(input)).toBe(expected);
  });
});

describe("cart input schemas", () => {
  it("accepts numbers and digit strings (form fields), defaulting the quantity to 1", () => {
    expect(addToCartInput.parse({ productId: "7" })).toEqual({ productId: 7, quantity: 1 });
    expect(addToCartInput.parse({ productId: 7, quantity: "12" })).toEqual({ productId: 7, quantity: 12 });
    expect(setQuantityInput.parse({ productId: 7, quantity: 99 })).toEqual({ productId: 7, quantity: 99 });
  });

  it.each([
    [{ productId: 7, quantity: 0 }, "quantity_min"],
    [{ productId: 7, quantity: 100 }, "quantity_max"],
    [{ productId: 7, quantity: 1.5 }, "quantity_whole"],
    [{ productId: 7, quantity: "2e1" }, "quantity_whole"],
    [{ productId: 7 }, "quantity_whole"],
  ])("rejects quantity in %j", (input, message) => {
    const result = setQuantityInput.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it.each([
    {},
    { productId: 0 },
    { productId: -1 },
    { productId: "abc" },
    { productId: true },
    { productId: ["5"] },
    { productId: 2 ** 31 },
  ])("rejects product id in %j", (input) => {
    expect(removeFromCartInput.safeParse(input).success).toBe(false);
  });
});
