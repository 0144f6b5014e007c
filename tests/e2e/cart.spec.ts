import type { Page } from "@playwright/test";
import { SEED_PRODUCTS } from "../../db/seed-data";
import { formatMoney } from "../../lib/money";
import { expect, test } from "./fixtures";
import { Store } from "./helpers/store";

// The e2e server seeds the catalog in EGP; expected amounts come from the seed prices (whole pounds → piastres).
const price = (slug: string) => {
  const product = SEED_PRODUCTS.find((p) => p.slug === slug);
  if (!product) throw new Error(`no seed product ${slug}`);
  return product.price * 100;
};
const egp = (amountMinor: number) => formatMoney(amountMinor, "EGP");
const MUG = "Aswan Clay Mug";
const OIL = "Siwa Olive Oil, 500 ml";

test.use({ viewport: { width: 1280, height: 800 } });

const line = (page: Page, name: string) =>
  page.getByRole("listitem").filter({ has: page.getByRole("heading", { name, exact: true }) });

test("browse, add two products, change and remove lines, and the cart survives a reload", async ({
  page,
  context,
  store,
  takeScreenshot,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Egyptian home goods, made by hand" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Add to cart/ })).toHaveCount(SEED_PRODUCTS.length);
  await expect(store.cartLink()).toHaveAccessibleName("Cart 0 items");
  await takeScreenshot("home");

  // Open a product, add two of it with the quantity field.
  await page.getByRole("link", { name: new RegExp(`^${MUG}`) }).click();
  await expect(page).toHaveURL(/\/products\/aswan-clay-mug$/);
  await expect(page).toHaveTitle(/Aswan Clay Mug · Nile & Co\./);
  await expect(page.getByRole("heading", { level: 1, name: MUG })).toBeVisible();
  await expect(page.getByText(egp(price("aswan-clay-mug")), { exact: true })).toBeVisible();
  await takeScreenshot("product");
  await page.getByRole("button", { name: `Increase quantity of ${MUG}` }).click();
  await expect(page.getByLabel(`Quantity for ${MUG}`)).toHaveValue("2");
  await page.getByRole("button", { name: /^Add to cart/ }).click();
  await expect(page.getByRole("status")).toHaveText(`Added ${MUG}. Your cart has 2 items.`);
  await expect(store.cartLink()).toHaveAccessibleName("Cart 2 items");

  const cookie = (await context.cookies()).find((c) => c.name === "sf_cart");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

  // A second product straight from the catalog grid.
  await page.getByRole("link", { name: "All products" }).click();
  const oilCard = page.getByRole("article").filter({ hasText: OIL });
  await oilCard.getByRole("button", { name: /^Add to cart/ }).click();
  await expect(oilCard.getByRole("status")).toHaveText(`Added ${OIL}. Your cart has 3 items.`);
  await expect(store.cartLink()).toHaveAccessibleName("Cart 3 items");

  await store.cartLink().click();
  await expect(page.getByRole("heading", { level: 1, name: "Your cart" })).toBeVisible();
  await expect(line(page, MUG).getByTestId("line-total")).toHaveText(`Line total: ${egp(2 * price("aswan-clay-mug"))}`);
  await expect(line(page, OIL).getByTestId("line-total")).toHaveText(`Line total: ${egp(price("siwa-olive-oil"))}`);
  await expect(page.getByTestId("subtotal")).toHaveText(egp(2 * price("aswan-clay-mug") + price("siwa-olive-oil")));

  // Change a quantity: the page and the header badge follow, and the server confirms through the live region.
  await page.getByRole("button", { name: `Increase quantity of ${OIL}` }).click();
  await expect(page.getByLabel(`Quantity for ${OIL}`)).toHaveValue("2");
  await expect(store.cartLink()).toHaveAccessibleName("Cart 4 items");
  const afterIncrease = 2 * price("aswan-clay-mug") + 2 * price("siwa-olive-oil");
  await expect(page.getByRole("status")).toHaveText(`${OIL}: quantity 2. Subtotal ${egp(afterIncrease)}.`);
  await expect(line(page, OIL).getByTestId("line-total")).toHaveText(`Line total: ${egp(2 * price("siwa-olive-oil"))}`);
  await expect(page.getByTestId("subtotal")).toHaveText(egp(afterIncrease));
  await takeScreenshot("cart");

  // The select sets an exact quantity.
  await page.getByLabel(`Quantity for ${OIL}`).selectOption("5");
  await expect(page.getByRole("status")).toHaveText(
    `${OIL}: quantity 5. Subtotal ${egp(2 * price("aswan-clay-mug") + 5 * price("siwa-olive-oil"))}.`,
  );

  // Keyboard: Tab from the product link reaches "−"; Enter lowers the quantity and focus stays on the button.
  await line(page, MUG).getByRole("link", { name: MUG }).focus();
  await page.keyboard.press("Tab");
  const decrease = page.getByRole("button", { name: `Decrease quantity of ${MUG}` });
  await expect(decrease).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText(
    `${MUG}: quantity 1. Subtotal ${egp(price("aswan-clay-mug") + 5 * price("siwa-olive-oil"))}.`,
  );
  await expect(decrease).toBeFocused();
  await expect(decrease).toHaveAttribute("aria-disabled", "true");
  await page.keyboard.press("Enter"); // at 1, "−" does nothing: removing is the Remove button's job
  await expect(page.getByLabel(`Quantity for ${MUG}`)).toHaveValue("1");

  // Remove a line.
  await page.getByRole("button", { name: `Remove ${OIL}` }).click();
  await expect(line(page, OIL)).toHaveCount(0);
  await expect(page.getByRole("status")).toHaveText(
    `Removed ${OIL} from your cart. Subtotal ${egp(price("aswan-clay-mug"))}.`,
  );
  await expect(page.getByRole("heading", { level: 1, name: "Your cart" })).toBeFocused();
  await expect(store.cartLink()).toHaveAccessibleName("Cart 1 item");

  // The cart lives in the database behind the cookie, so a reload shows exactly the same thing.
  await page.reload();
  await expect(line(page, MUG).getByLabel(`Quantity for ${MUG}`)).toHaveValue("1");
  await expect(line(page, MUG).getByTestId("line-total")).toHaveText(`Line total: ${egp(price("aswan-clay-mug"))}`);
  await expect(page.getByTestId("subtotal")).toHaveText(egp(price("aswan-clay-mug")));
  await expect(page.getByRole("listitem").filter({ has: page.getByTestId("line-total") })).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Checkout" })).toHaveAttribute("href", "/checkout");

  // Emptying it shows the way back to the shop.
  await page.getByRole("button", { name: `Remove ${MUG}` }).click();
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
  await expect(store.cartLink()).toHaveAccessibleName("Cart 0 items");
  await page.getByRole("link", { name: "Back to the shop" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("an unknown product is a 404 with a way back", async ({ page }) => {
  const response = await page.goto("/products/no-such-thing");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the shop" })).toBeVisible();
});

test("the skip link is the first stop and jumps past the header", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();
});

test("a change shows before the server answers, and the server's answer wins", async ({ page, context, store }) => {
  // The server's confirmation, not the header's badge: the badge moves before the server has answered.
  await store.addToCart();
  await expect(store.cartLink()).toHaveAccessibleName("Cart 1 item");
  await page.goto("/cart");

  // Another tab empties the cart behind this one's back.
  const other = await context.newPage();
  await other.goto("/cart");
  await other.getByRole("button", { name: `Remove ${MUG}` }).click();
  await expect(other.getByText("Your cart is empty.")).toBeVisible();

  // Hold this tab's server action so the optimistic state can be observed on its own.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/cart", async (route) => {
    if (route.request().method() === "POST") await held;
    await route.continue();
  });
  await page.getByRole("button", { name: `Increase quantity of ${MUG}` }).click();
  await expect(page.getByLabel(`Quantity for ${MUG}`)).toHaveValue("2");
  await expect(line(page, MUG).getByTestId("line-total")).toHaveText(`Line total: ${egp(2 * price("aswan-clay-mug"))}`);
  await expect(store.cartLink()).toHaveAccessibleName("Cart 2 items");

  release();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("That item is no longer in your cart.");
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
  await expect(store.cartLink()).toHaveAccessibleName("Cart 0 items");
});

test("Add to cart works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/products/linen-throw");
  // The stepper's buttons need JavaScript; its select is a plain form field.
  await page.getByLabel("Quantity for Linen Throw Blanket").selectOption("2");
  await page.getByRole("button", { name: /^Add to cart/ }).click();
  await expect(page.getByRole("status")).toHaveText("Added Linen Throw Blanket. Your cart has 2 items.");
  await expect(page.getByTestId("cart-toast")).toContainText("Added to your cart");
  await expect(page.getByTestId("cart-toast").getByRole("link", { name: "View cart" })).toHaveAttribute(
    "href",
    "/cart",
  );
  await page.goto("/cart");
  await expect(page.getByLabel("Quantity for Linen Throw Blanket")).toHaveValue("2");
  await expect(page.getByTestId("subtotal")).toHaveText(egp(2 * price("linen-throw")));
  // The header's count comes from the browser: without JavaScript it is just "Cart", and the account slot is a
  // link that works for everyone (/account sends a signed-out visitor to sign in).
  await expect(new Store(page).cartLink()).toHaveAccessibleName("Cart");
  await page.getByRole("banner").getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccount%2Forders$/);
  await context.close();
});

test("pages carry no visitor: the header's count comes from /api/visitor, private and never stored", async ({
  page,
  store,
}) => {
  await store.addToCart();
  await expect(store.cartLink()).toHaveAccessibleName("Cart 1 item");
  // The same page as the server sends it, with this visitor's cookies: no count in it, so it could be shared.
  const html = await (await page.request.get("/products/aswan-clay-mug")).text();
  expect(html).toContain(">Cart<");
  expect(html).not.toContain('data-testid="cart-count"');
  const visitor = await page.request.get("/api/visitor");
  expect(visitor.headers()["cache-control"]).toBe("private, no-store");
  expect(await visitor.json()).toEqual({ cartCount: 1, account: null });
});

test("a tab that becomes visible again reads the count another tab changed", async ({ page, context, store }) => {
  await page.goto("/");
  await expect(store.cartLink()).toHaveAccessibleName("Cart 0 items");
  const other = await context.newPage();
  await new Store(other).addToCart("linen-throw");
  await expect(store.cartLink()).toHaveAccessibleName("Cart 0 items"); // nothing has told this tab yet
  // As when the shopper switches back to this tab (headless tabs are all "visible", so only the event is sent).
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await expect(store.cartLink()).toHaveAccessibleName("Cart 1 item");
});
