import type { Browser, Page } from "@playwright/test";
import { SEED_PRODUCTS } from "../../db/seed-data";
import { formatMoney } from "../../lib/money";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers/sign-in";
import { Store } from "./helpers/store";

// What shoppers see stays true to the database once the catalog is cached: an admin's price change shows on the
// very next view in another browser, and one visitor's cart and session never show up in another's header.
// Needs the web server started with ADMIN_EMAILS=admin@example.com and AUTH_DEV_OUTBOX=1, as accounts.spec.ts.

const ADMIN = "admin@example.com";
const runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
// No other spec looks at this product, and this one puts its price back at the end.
const SLUG = "papyrus-notebook";
const NAME = "Papyrus Notebook";
const SEED_MINOR = (SEED_PRODUCTS.find((p) => p.slug === SLUG)?.price ?? NaN) * 100; // EGP piastres
const NEW_MINOR = 33_350;
const egp = (minor: number) => formatMoney(minor, "EGP");

test.use({ viewport: { width: 1280, height: 800 } });

async function newPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  return (await browser.newContext(options)).newPage();
}

/** The notebook's "Set price" form on /admin/products: types `price` and submits it. */
async function setPrice(admin: Page, price: string) {
  const form = admin.getByRole("form", { name: `Set the price of ${NAME}` });
  await form.getByLabel(`New price of ${NAME} (EGP)`).fill(price);
  await form.getByRole("button", { name: "Set price" }).click();
  return form;
}

/** A price shown in the page's main content (no other product costs 310.00 or 333.50). */
const price = (page: Page, minor: number) => page.getByRole("main").getByText(egp(minor), { exact: true });
const adminRow = (admin: Page) => admin.getByTestId("admin-product-row").filter({ hasText: NAME });

test("an admin changes a price; another shopper sees it on the product page, the home grid and the cart they filled before", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // The shopper puts the notebook in their cart at today's price.
  const shopper = new Store(await newPage(browser));
  await shopper.addToCart(SLUG);
  await shopper.page.goto("/cart");
  await expect(shopper.page.getByTestId("line-total")).toHaveText(`Line total: ${egp(SEED_MINOR)}`);

  // The admin finds Products in the admin area.
  const admin = await newPage(browser);
  await signIn(admin, ADMIN);
  await admin.goto("/admin");
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Products" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Products" })).toBeVisible();
  await expect(adminRow(admin).getByTestId("admin-product-price")).toHaveText(egp(SEED_MINOR));

  try {
    // A price that is not one is refused, visibly, and changes nothing.
    const form = await setPrice(admin, "3.335");
    await expect(form.getByRole("status")).toHaveText("“3.335” is not a price in EGP. Type it like 12.50.");
    await expect(adminRow(admin).getByTestId("admin-product-price")).toHaveText(egp(SEED_MINOR));

    await setPrice(admin, "333.50");
    await expect(form.getByRole("status")).toHaveText(`${NAME} now costs ${egp(NEW_MINOR)} (was ${egp(SEED_MINOR)}).`);
    await expect(adminRow(admin).getByTestId("admin-product-price")).toHaveText(egp(NEW_MINOR));

    // The shopper's very next views, with no refresh or wait: the product page, the home grid, their cart.
    const page = shopper.page;
    await page.goto(`/products/${SLUG}`);
    await expect(price(page, NEW_MINOR)).toBeVisible();
    await expect(price(page, SEED_MINOR)).toHaveCount(0);
    await page.goto("/");
    const card = page.getByRole("main").getByRole("article").filter({ hasText: NAME });
    await expect(card).toContainText(egp(NEW_MINOR));
    await expect(card).not.toContainText(egp(SEED_MINOR));
    // The cart stores no price: its line, added before the change, is priced from the catalog at every view.
    await page.goto("/cart");
    await expect(page.getByTestId("line-total")).toHaveText(`Line total: ${egp(NEW_MINOR)}`);
    await expect(page.getByTestId("subtotal")).toHaveText(egp(NEW_MINOR));

    // Without JavaScript the form is a plain post the server answers with the page; it puts the price back.
    const noJs = await browser.newContext({
      javaScriptEnabled: false,
      storageState: await admin.context().storageState(),
    });
    const plain = await noJs.newPage();
    await plain.goto("/admin/products");
    const plainForm = await setPrice(plain, "310.00");
    await expect(plainForm.getByRole("status")).toHaveText(
      `${NAME} now costs ${egp(SEED_MINOR)} (was ${egp(NEW_MINOR)}).`,
    );
    await expect(adminRow(plain).getByTestId("admin-product-price")).toHaveText(egp(SEED_MINOR));
    await noJs.close();

    await page.goto(`/products/${SLUG}`);
    await expect(price(page, SEED_MINOR)).toBeVisible();
  } finally {
    // Other specs read the seed prices: put this one back whatever happened above.
    await admin.goto("/admin/products");
    if ((await adminRow(admin).getByTestId("admin-product-price").textContent()) !== egp(SEED_MINOR)) {
      const form = await setPrice(admin, "310.00");
      await expect(form.getByRole("status")).toContainText(`now costs ${egp(SEED_MINOR)}`);
    }
  }

  // "Refresh the catalog" (for changes made in the database directly) answers the admin visibly.
  const refresh = admin.getByRole("form", { name: "Refresh the catalog" });
  await refresh.getByRole("button", { name: "Refresh the catalog" }).click();
  await expect(refresh.getByRole("status")).toHaveText(
    "The catalog was refreshed: shoppers see the database's prices now.",
  );
});

test("two browsers never see each other's cart count or account in the header", async ({ browser }) => {
  // A: signed in, two items in the cart, on the pages B will open next.
  const a = new Store(await newPage(browser));
  await signIn(a.page, `header-${runId}@example.com`);
  await a.addToCart();
  await a.addToCart();
  const banner = (store: Store) => store.page.getByRole("banner");
  for (const path of ["/", `/products/${SLUG}`, "/cart"]) {
    await a.page.goto(path);
    await expect(a.cartLink()).toHaveAccessibleName("Cart 2 items");
    await expect(banner(a).getByText("Account", { exact: true })).toBeVisible();
  }

  // B: a fresh browser, on the same pages right after.
  const b = new Store(await newPage(browser));
  for (const path of ["/", `/products/${SLUG}`, "/cart"]) {
    await b.page.goto(path);
    await expect(b.cartLink()).toHaveAccessibleName("Cart 0 items");
    await expect(b.page.getByTestId("cart-count")).toHaveCount(0);
    await expect(banner(b).getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(banner(b).getByText("Account", { exact: true })).toHaveCount(0);
  }

  // And A is still A after B's visits.
  await a.page.goto("/");
  await expect(a.cartLink()).toHaveAccessibleName("Cart 2 items");
  await expect(banner(a).getByText("Account", { exact: true })).toBeVisible();
  await expect(banner(a).getByRole("link", { name: "Sign in" })).toHaveCount(0);
});
