import { createElement, type ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { CartLink } from "@/components/cart/cart-link";
import { renderIn } from "../helpers/i18n";

// The header's cart badge counts in the digits of the prices on the same page (lib/i18n/formats.ts).

const visitor = vi.hoisted(() => ({ cartCount: 3 as number | null }));
vi.mock("@/components/layout/visitor", () => ({ useVisitor: () => visitor }));
vi.mock("@/lib/i18n/navigation", () => ({
  Link: ({ children, ...props }: { children: ReactNode }) => createElement("a", props, children),
}));

const badge = (locale: "en" | "ar") =>
  /data-testid="cart-count"[^>]*>([^<]*)</.exec(
    renderIn(locale, createElement(CartLink, { className: "" } as Parameters<typeof CartLink>[0], "Cart")),
  )?.[1];

describe("cart badge", () => {
  it("writes the count in the region's digits", () => {
    visitor.cartCount = 3;
    expect(badge("ar")).toBe("٣");
    expect(badge("en")).toBe("3");
    visitor.cartCount = 120;
    expect(badge("ar")).toBe("٩٩+");
    expect(badge("en")).toBe("99+");
  });
});
