import type { Locator } from "@playwright/test";
import { SEED_PRODUCTS } from "../../db/seed-data";
import { expect, test } from "./fixtures";

// Where the keyboard focus goes and whether it can be seen: after a refused form the focus is on what to fix
// (the checkout's own case is in checkout.spec.ts, the admin refund's in accounts.spec.ts), and a product card's
// focus ring is drawn whole, on every page that lists cards.

/**
 * The element's focus outline lies inside every ancestor that clips (overflow other than visible): nothing cuts
 * it off. Returns the first ancestor that would, as "tag.class", or null.
 */
async function clippingAncestor(element: Locator): Promise<string | null> {
  return element.evaluate((el) => {
    const style = getComputedStyle(el);
    if (!el.matches(":focus-visible") || style.outlineStyle === "none") return "no focus ring drawn";
    const reach = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
    const box = el.getBoundingClientRect();
    for (let parent = el.parentElement; parent; parent = parent.parentElement) {
      const clip = getComputedStyle(parent);
      if (clip.overflowX === "visible" && clip.overflowY === "visible") continue;
      const frame = parent.getBoundingClientRect();
      if (
        box.left - reach < frame.left ||
        box.top - reach < frame.top ||
        box.right + reach > frame.right ||
        box.bottom + reach > frame.bottom
      )
        return `${parent.tagName.toLowerCase()}.${parent.className}`;
    }
    return null;
  });
}

const cardLinks = (scope: Locator) => scope.getByRole("article").getByRole("link");

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test(`a product card's focus ring is not clipped at ${viewport.width} px: home, shelf and related products`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const product = SEED_PRODUCTS[0]!;
    const pages = [
      { url: "/", grid: page.getByRole("main") },
      { url: `/categories/${product.category}`, grid: page.getByRole("main") },
      { url: `/products/${product.slug}`, grid: page.getByRole("region", { name: "You may also like" }) },
    ];
    for (const { url, grid } of pages) {
      await page.goto(url);
      const link = cardLinks(grid).first();
      await expect(link).toBeVisible();
      // As from the keyboard: a key press first, so the focus that follows shows its ring (:focus-visible).
      await page.keyboard.press("Tab");
      await link.focus();
      await expect(link).toBeFocused();
      expect(await clippingAncestor(link), `the focus ring on ${url}`).toBeNull();
    }
  });
}

test("a refused sign-in request puts the focus on the email box, described by what is wrong", async ({ page }) => {
  await page.goto("/login");
  const email = page.getByLabel("Email");
  await email.fill("not-an-email");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(email).toHaveAccessibleDescription("Enter a valid email address, like you@example.com.");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toBeFocused();
  await expect(email).toHaveValue("not-an-email");
});
