import type { Locator, Page } from "@playwright/test";
import { SEED_CATEGORIES, SEED_PRODUCTS } from "../../db/seed-data";
import { expect, test } from "./fixtures";
import { expectAccessible } from "./helpers/axe";

// Navigation, search, shelves, sorting and the add-to-cart feedback, at a phone's width and a desktop's.
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const names = (slugs: readonly { name: string }[]) => slugs.map((p) => p.name);
const onShelf = (slug: string) => SEED_PRODUCTS.filter((p) => p.category === slug);
const shelfName = (slug: string) => SEED_CATEGORIES.find((c) => c.slug === slug)!.name;

/** The product names of a grid, in order. */
const gridNames = (page: Page) => page.getByRole("main").getByRole("article").getByRole("heading").allTextContents();

/** Nothing wider than the screen: a phone user never scrolls sideways. */
async function expectNoHorizontalOverflow(page: Page) {
  const width = page.viewportSize()!.width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

/** Each element's box in page coordinates (a click scrolls the page, which is not a layout shift). */
/** Lazy pictures load as they come into view: bring them all in for a full-page screenshot. */
async function loadLazyImages(page: Page) {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.evaluate(() => window.scrollTo(0, 0));
}

const boxes = (locator: Locator) =>
  locator.evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
    }),
  );

/** Holds the next server action posted to `pathname` until the returned function is called. */
async function holdNextAction(page: Page, pathname: string): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === pathname,
    async (route) => {
      if (route.request().method() === "POST" && route.request().headers()["next-action"]) await held;
      await route.continue();
    },
  );
  return release;
}

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  test("the menu opens to search and the shelves, and closes after a choice or on Escape", async ({
    page,
    takeScreenshot,
  }) => {
    await page.goto("/");
    const header = page.getByRole("banner");
    await expect(header.getByRole("link", { name: "Shop", exact: true })).toBeHidden();
    const menu = header.locator("summary").filter({ has: page.getByText("Menu", { exact: true }) });
    await expect(menu).toBeVisible();
    const pantry = header.getByRole("link", { name: shelfName("pantry") });
    await expect(pantry).toBeHidden();

    await menu.click();
    await expect(header.getByRole("searchbox", { name: "Search products" })).toBeVisible();
    await expect(header.getByRole("link", { name: "All products" })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await expectAccessible(page);
    await loadLazyImages(page);
    await takeScreenshot("phone-menu");
    await page.keyboard.press("Escape");
    await expect(pantry).toBeHidden();
    await expect(menu).toBeFocused();

    await menu.click();
    await pantry.click();
    await expect(page).toHaveURL(/\/categories\/pantry$/);
    await expect(page.getByRole("heading", { level: 1, name: shelfName("pantry") })).toBeVisible();
    await expect(pantry).toBeHidden(); // the menu closed behind the navigation

    await menu.click();
    await header.getByRole("searchbox", { name: "Search products" }).fill("honey");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=honey$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “honey”");
    expect(await gridNames(page)).toEqual(["Sinai Wild Honey, 400 g"]);
  });

  test("the menu works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("banner").locator("summary").first().click();
    await page
      .getByRole("banner")
      .getByRole("link", { name: shelfName("textiles") })
      .click();
    await expect(page).toHaveURL(/\/categories\/textiles$/);
    await expect(page.getByRole("main").getByRole("article")).toHaveCount(onShelf("textiles").length);
    await context.close();
  });

  test("the product page keeps a full-width Add to cart in reach, with the cart's stepper", async ({ page, store }) => {
    // A short screen, so the buy box's place in the page is surely below the fold.
    await page.setViewportSize({ width: 390, height: 600 });
    await page.goto("/products/aswan-clay-mug");
    const button = page.getByRole("button", { name: /^Add to cart/ });
    const box = (await button.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(600); // on screen without scrolling
    expect(box.width).toBeGreaterThan(200); // the row's width after the stepper, not a small pill

    // At the end of the page the box has settled into place above the suggestions, covering none of them.
    await page.getByRole("heading", { name: "You may also like" }).scrollIntoViewIfNeeded();
    const buyBox = (await page.getByTestId("buy-box").boundingBox())!;
    const related = (await page.getByRole("heading", { name: "You may also like" }).boundingBox())!;
    expect(buyBox.y + buyBox.height).toBeLessThanOrEqual(related.y);

    await page.getByRole("button", { name: "Increase quantity of Aswan Clay Mug" }).click();
    await page.getByRole("button", { name: "Increase quantity of Aswan Clay Mug" }).click();
    await expect(page.getByLabel("Quantity for Aswan Clay Mug")).toHaveValue("3");
    await button.click();
    await expect(page.getByRole("status")).toHaveText("Added Aswan Clay Mug. Your cart has 3 items.");
    await expect(store.cartLink()).toHaveAccessibleName("Cart 3 items");
    await expectNoHorizontalOverflow(page);
  });

  for (const [name, path] of [
    ["home", "/"],
    ["category", "/categories/kitchen"],
    ["search", "/search?q=cotton"],
    ["product", "/products/brass-coffee-pot"],
    ["empty-search", "/search?q=zzzyzx"],
    ["empty-category", "/categories/gifts"],
  ] as const) {
    test(`${name} fits a 390 px screen`, async ({ page, takeScreenshot }) => {
      await page.goto(path);
      await expectNoHorizontalOverflow(page);
      await loadLazyImages(page);
      await expectAccessible(page);
      await takeScreenshot(`phone-${name}`);
    });
  }
});

test.describe("on a desktop", () => {
  test.use({ viewport: DESKTOP });

  test("search finds stemmed words in names and descriptions, sorts, and says when nothing matches", async ({
    page,
    takeScreenshot,
  }) => {
    await page.goto("/");
    await page.getByRole("banner").getByRole("searchbox", { name: "Search products" }).fill("towels");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=towels$/);
    expect(await gridNames(page)).toEqual(["Egyptian Cotton Bath Towel"]);

    await page.goto("/search?q=siwa+or+cotton");
    await expect(page.getByTestId("result-count")).toHaveText("4 products");
    await expect(page.getByRole("link", { name: "Best match" })).toHaveAttribute("aria-current", "true");
    await page.getByRole("link", { name: "Price: low to high" }).click();
    await expect(page).toHaveURL(/\/search\?q=siwa\+or\+cotton&sort=price-asc$/);
    const matching = SEED_PRODUCTS.filter((p) => /siwa|cotton/i.test(p.name));
    await expect.poll(() => gridNames(page)).toEqual(names([...matching].sort((a, b) => a.price - b.price)));
    await expect(page.getByRole("searchbox", { name: "Search products" }).last()).toHaveValue("siwa or cotton");
    await expectAccessible(page);
    await takeScreenshot("desktop-search");

    await page.goto("/search?q=zzzyzx");
    await expect(page.getByText("No products match “zzzyzx”")).toBeVisible();
    await expect(page.getByRole("main").getByRole("article")).toHaveCount(0);
    await page.goto("/search");
    await expect(page.getByText("What are you looking for?")).toBeVisible();
  });

  test("each shelf has its page, sortable, and an empty shelf says so", async ({ page, takeScreenshot }) => {
    await page.goto("/");
    await expectAccessible(page);
    await takeScreenshot("desktop-home");
    await page
      .getByRole("navigation", { name: "Categories" })
      .getByRole("link", { name: shelfName("pantry") })
      .click();
    await expect(page).toHaveURL(/\/categories\/pantry$/);
    await expect(page).toHaveTitle(/^Pantry · /);
    await expect(
      page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: shelfName("pantry") }),
    ).toHaveAttribute("aria-current", "page");
    expect(await gridNames(page)).toEqual(names(onShelf("pantry")));
    await page.getByRole("link", { name: "Price: high to low" }).click();
    await expect(page).toHaveURL(/sort=price-desc$/);
    await expect.poll(() => gridNames(page)).toEqual(names([...onShelf("pantry")].sort((a, b) => b.price - a.price)));
    await page.getByRole("link", { name: "Name", exact: true }).click();
    await expect
      .poll(() => gridNames(page))
      .toEqual(names([...onShelf("pantry")].sort((a, b) => (a.name < b.name ? -1 : 1))));
    await expectAccessible(page);
    await takeScreenshot("desktop-category");

    await page.goto("/categories/gifts");
    await expect(page.getByText("Nothing on this shelf right now")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Other categories" }).getByRole("link")).toHaveCount(4);
    expect((await page.goto("/categories/no-such-shelf"))?.status()).toBe(404);
    // An unknown sort is ignored, not an error.
    expect((await page.goto("/categories/pantry?sort=drop-table"))?.status()).toBe(200);
  });

  test("a sorted home page or shelf loads straight from its ?sort= address, which stays in the address bar", async ({
    page,
  }) => {
    // proxy.ts rewrites these to the sort's own page (app/sorted/[sort]): the response must still be the page in
    // that order, under the per-request policy (Next's scripts carry its nonce), at the address that was asked for.
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const canonical = () => page.locator('head link[rel="canonical"]').getAttribute("href");
    const origin = () => new URL(page.url()).origin;

    const home = await page.goto("/?sort=price-desc");
    expect(home?.status()).toBe(200);
    expect(home?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
    await expect(page).toHaveURL(/\/\?sort=price-desc$/);
    expect(await gridNames(page)).toEqual(names([...SEED_PRODUCTS].sort((a, b) => b.price - a.price)));
    await expect(page.getByRole("link", { name: "Price: high to low" })).toHaveAttribute("aria-current", "true");
    expect(await canonical()).toBe(`${origin()}/?sort=price-desc`);

    // Other parameters ride along and change nothing.
    const shelf = await page.goto("/categories/pantry?utm_source=mail&sort=name");
    expect(shelf?.status()).toBe(200);
    await expect(page).toHaveURL(/\/categories\/pantry\?utm_source=mail&sort=name$/);
    await expect(page).toHaveTitle(/^Pantry · /);
    expect(await gridNames(page)).toEqual(names([...onShelf("pantry")].sort((a, b) => (a.name < b.name ? -1 : 1))));
    expect(await canonical()).toBe(`${origin()}/categories/pantry?sort=name`);
    // The page came to life: its sort links still navigate in place, to the public addresses.
    await page.getByRole("link", { name: "Price: low to high" }).click();
    await expect(page).toHaveURL(/\/categories\/pantry\?sort=price-asc$/);
    await expect.poll(() => gridNames(page)).toEqual(names([...onShelf("pantry")].sort((a, b) => a.price - b.price)));
    await page.getByRole("link", { name: "Featured" }).click();
    await expect(page).toHaveURL(/\/categories\/pantry$/);
    await expect.poll(() => gridNames(page)).toEqual(names(onShelf("pantry")));
    expect(violations).toEqual([]);

    // The internal paths answer too, pointing search engines at the public address; an unknown sort there is a 404.
    expect((await page.goto("/sorted/name"))?.status()).toBe(200);
    expect(await canonical()).toBe(`${origin()}/?sort=name`);
    expect((await page.goto("/sorted/drop-table"))?.status()).toBe(404);
    expect((await page.goto("/categories/pantry/sorted/drop-table"))?.status()).toBe(404);
    expect((await page.goto("/categories/no-such-shelf?sort=name"))?.status()).toBe(404);
  });

  test("the product page links its shelf and suggests its shelf-mates first", async ({ page, takeScreenshot }) => {
    await page.goto("/products/aswan-clay-mug");
    await expect(
      page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Kitchen & table" }),
    ).toHaveAttribute("href", "/categories/kitchen");
    const related = page.getByRole("region", { name: "You may also like" }).getByRole("heading", { level: 3 });
    const mates = names(onShelf("kitchen").filter((p) => p.slug !== "aswan-clay-mug"));
    expect((await related.allTextContents()).slice(0, mates.length)).toEqual(mates);
    await expectAccessible(page);
    await takeScreenshot("desktop-product");
  });

  test("Add to cart shows it is busy, moves the badge at once, and answers in a toast that moves nothing", async ({
    page,
    store,
  }) => {
    await page.goto("/");
    const cards = page.getByRole("main").getByRole("article");
    const before = await boxes(cards);
    const oil = cards.filter({ hasText: "Siwa Olive Oil" });
    const button = oil.getByRole("button", { name: /^(Add to cart|Adding…)/ });

    const release = await holdNextAction(page, "/");
    await button.click();
    await expect(button).toHaveAttribute("aria-disabled", "true");
    await expect(button).toHaveAccessibleName("Adding…");
    await expect(store.cartLink()).toHaveAccessibleName("Cart 1 item"); // before the server has answered
    release();

    const toast = page.getByTestId("cart-toast");
    await expect(toast).toContainText("Added to your cart");
    await expect(toast).toContainText("Siwa Olive Oil, 500 ml");
    await expect(toast).toContainText("1 item · Subtotal");
    await expect(toast.getByRole("link", { name: "Checkout" })).toHaveAttribute("href", "/checkout");
    await expect(oil.getByRole("status")).toHaveText("Added Siwa Olive Oil, 500 ml. Your cart has 1 item.");
    await expect(button).not.toHaveAttribute("aria-disabled");
    expect(await boxes(cards)).toEqual(before); // no card moved or changed size

    // A second product replaces the toast rather than stacking another; Escape puts it away.
    await cards
      .filter({ hasText: "Spice Trio" })
      .getByRole("button", { name: /^Add to cart/ })
      .click();
    await expect(toast).toHaveCount(1);
    await expect(toast).toContainText("Spice Trio");
    await expect(toast).toContainText("2 items · Subtotal");
    await expect(store.cartLink()).toHaveAccessibleName("Cart 2 items");
    expect(await boxes(cards)).toEqual(before);
    await page.keyboard.press("Escape");
    await expect(toast).toHaveCount(0);

    await cards
      .filter({ hasText: "Spice Trio" })
      .getByRole("button", { name: /^Add to cart/ })
      .click();
    await toast.getByRole("link", { name: "View cart" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your cart" })).toBeVisible();
    await expect(page.getByLabel("Quantity for Spice Trio")).toHaveValue("2");
  });
});
