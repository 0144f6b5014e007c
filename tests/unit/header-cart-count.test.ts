import { describe, expect, it } from "vitest";
import { shownCartCount } from "@/components/cart/cart-count-read";

describe("shownCartCount: the header's number from the layout's read and a page's correction", () => {
  const layout = { id: "layout-1", count: 2 };
  it.each([
    ["no correction: the layout's read", null, 2],
    ["a correction of this read: the page's later read", { layoutReadId: "layout-1", count: 0 }, 0],
    [
      "a correction of an older read: the layout read again since, and is newer",
      { layoutReadId: "layout-0", count: 0 },
      2,
    ],
  ] as const)("%s", (_, correction, shown) => {
    expect(shownCartCount(layout, correction)).toBe(shown);
  });
});
