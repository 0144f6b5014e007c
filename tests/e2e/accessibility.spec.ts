import { expect, test } from "./fixtures";
import { axeFindings, expectNoSeriousFindings, type AxeFinding } from "./helpers/axe";
import { CARD, confirmOtp, payOnHostedPage } from "./helpers/emulator-pages";
import { signIn } from "./helpers/sign-in";
import { LAYLA, Store } from "./helpers/store";

// Every page a customer, an admin or a developer meets, checked with axe-core (helpers/axe.ts) at phone and
// desktop width: no finding axe rates serious or critical.

const WIDTHS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 800 },
] as const;

const ADMIN = "admin@example.com";
const runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

for (const size of WIDTHS) {
  test(`customer pages at ${size.name} width have no serious accessibility violations`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    const store = new Store(page);
    const findings: AxeFinding[] = [];
    const check = async (label: string) => findings.push(...(await axeFindings(page, `${label} @${size.name}`)));

    await page.goto("/");
    await check("home");
    await page.goto("/login");
    await check("login");
    await page.goto("/cart");
    await check("empty cart");
    await page.goto("/categories/pantry");
    await check("category");
    await page.goto("/search?q=honey");
    await check("search");
    await page.goto("/search?q=zzzz");
    await check("search without results");
    await page.goto("/no-such-page");
    await check("not found");

    await store.addToCart();
    await check("product (after add to cart)");
    await page.goto("/cart");
    await check("cart with a line");
    await store.fillCheckout(LAYLA, "Pay on Paymob's secure page");
    await check("checkout");
    await store.pay();
    await expect(page).toHaveURL(/\/paymob-emulator\/unifiedcheckout\//);
    await check("emulator hosted checkout");
    await payOnHostedPage(page, CARD.approved);
    await store.waitForStatus("Paid");
    await check("return page (paid)");

    // A card that needs 3-D Secure: the emulated bank's page, then the checkout form after a refused submit.
    await store.addToCart();
    await store.fillCheckout(LAYLA, "Pay on Paymob's secure page");
    await store.pay();
    await payOnHostedPage(page, CARD.threeDs);
    await expect(page.getByLabel("One-time password")).toBeVisible();
    await check("emulator 3-D Secure page");
    await confirmOtp(page);
    await store.waitForStatus("Paid");

    await store.addToCart();
    await page.goto("/checkout");
    await page.getByRole("button", { name: /^Pay/ }).click();
    await expect(page.locator("[aria-invalid=true]").first()).toBeFocused();
    await check("checkout with errors");

    await page.goto("/login");
    await page.getByLabel("Email").fill(`a11y-${size.name}-${runId}@example.com`);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await check("check your email");
    await page.goto("/dev/outbox");
    await check("dev outbox");

    await store.fillCheckout(LAYLA, "Pay here");
    await store.pay();
    await expect(page.getByTestId("pixel-container")).toBeVisible();
    await check("Pixel payment page");

    await page.goto("/paymob-emulator/_emulator");
    await check("emulator home");
    await page.goto("/paymob-emulator/_emulator/deliveries");
    await check("emulator deliveries");

    expectNoSeriousFindings(findings);
  });
}

test("account and admin pages have no serious accessibility violations at either width", async ({ browser }) => {
  test.setTimeout(240_000);
  const findings: AxeFinding[] = [];
  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, `a11y-${runId}@example.com`);
  const shop = new Store(customer);
  await shop.addToCart();
  await shop.fillCheckout(
    { phone: "+201012345678", firstName: "Nour", lastName: "Hassan", street: "12 Corniche el Nil", city: "Cairo" },
    "Pay on Paymob's secure page",
  );
  await shop.pay();
  await payOnHostedPage(customer, CARD.approved);
  await shop.waitForStatus("Paid");

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN);

  for (const size of WIDTHS) {
    await customer.setViewportSize(size);
    await admin.setViewportSize(size);
    for (const [label, path] of [
      ["account orders", "/account/orders"],
      ["account", "/account"],
      ["saved cards", "/account/cards"],
    ] as const) {
      await customer.goto(path);
      findings.push(...(await axeFindings(customer, `${label} @${size.name}`)));
    }
    await customer.goto("/account/orders");
    await customer.getByRole("link", { name: /NC-/ }).first().click();
    await expect(customer).toHaveURL(/\/account\/orders\/NC-/);
    findings.push(...(await axeFindings(customer, `account order @${size.name}`)));
    await admin.goto("/admin");
    findings.push(...(await axeFindings(admin, `admin orders @${size.name}`)));
    await admin.getByRole("link", { name: /NC-/ }).first().click();
    await expect(admin).toHaveURL(/\/admin\/orders\/NC-/);
    findings.push(...(await axeFindings(admin, `admin order @${size.name}`)));
    await admin.goto("/admin/products");
    findings.push(...(await axeFindings(admin, `admin products @${size.name}`)));
  }
  expectNoSeriousFindings(findings);
});
