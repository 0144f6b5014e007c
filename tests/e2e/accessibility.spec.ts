import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CARD, payOnHostedPage } from "./helpers/emulator-pages";
import { signIn } from "./helpers/sign-in";
import { LAYLA, Store } from "./helpers/store";

// Every page a customer, an admin or a developer meets, checked with axe-core at phone and desktop width: no
// violation axe rates serious or critical. Lesser findings ("moderate", "minor") are printed, not failed, so
// the report stays useful without turning style advice into a red build.

const WIDTHS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 800 },
] as const;

const ADMIN = "admin@example.com";
const runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

type Finding = { page: string; width: string; id: string; impact: string; help: string; targets: string[] };

async function audit(page: Page, label: string, width: string): Promise<Finding[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    // Experimental in axe, so off by default; on here because a visible label that differs from the accessible
    // name breaks speech control ("click Cart" must hit the link that shows "Cart 2").
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .analyze();
  return results.violations.map((v) => ({
    page: label,
    width,
    id: v.id,
    impact: v.impact ?? "unknown",
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
}

function report(findings: Finding[]): Finding[] {
  const serious = findings.filter((f) => f.impact === "serious" || f.impact === "critical");
  const lesser = findings.filter((f) => !serious.includes(f));
  if (lesser.length) console.log(`axe: ${lesser.length} moderate/minor findings:\n${format(lesser)}`);
  return serious;
}

const format = (findings: Finding[]) =>
  findings.map((f) => `- [${f.impact}] ${f.page} @${f.width}: ${f.id} (${f.help}) ${f.targets.join(" | ")}`).join("\n");

for (const size of WIDTHS) {
  test(`customer pages at ${size.name} width have no serious accessibility violations`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    const store = new Store(page);
    const findings: Finding[] = [];
    const check = async (label: string) => findings.push(...(await audit(page, label, size.name)));

    await page.goto("/");
    await check("home");
    await page.goto("/login");
    await check("login");
    await page.goto("/cart");
    await check("empty cart");
    await page.goto("/no-such-page");
    await check("not found");

    await store.addToCart();
    await check("product (after add to cart)");
    await page.goto("/cart");
    await check("cart with a line");
    await store.fillCheckout(LAYLA, "Hosted checkout (redirect)");
    await check("checkout");
    await store.pay();
    await expect(page).toHaveURL(/\/paymob-emulator\/unifiedcheckout\//);
    await check("emulator hosted checkout");
    await payOnHostedPage(page, CARD.approved);
    await store.waitForStatus("Paid");
    await check("return page (paid)");

    await store.addToCart();
    await store.fillCheckout(LAYLA, "Embedded (Pixel)");
    await store.pay();
    await expect(page.getByTestId("pixel-container")).toBeVisible();
    await check("Pixel payment page");

    await page.goto("/paymob-emulator/_emulator");
    await check("emulator home");
    await page.goto("/paymob-emulator/_emulator/deliveries");
    await check("emulator deliveries");

    const serious = report(findings);
    expect(serious, `serious or critical axe violations:\n${format(serious)}`).toEqual([]);
  });
}

test("account and admin pages have no serious accessibility violations at either width", async ({ browser }) => {
  test.setTimeout(240_000);
  const findings: Finding[] = [];
  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, `a11y-${runId}@example.com`);
  const shop = new Store(customer);
  await shop.addToCart();
  await shop.fillCheckout(
    { phone: "+201012345678", firstName: "Nour", lastName: "Hassan", street: "12 Corniche el Nil", city: "Cairo" },
    "Hosted checkout (redirect)",
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
      findings.push(...(await audit(customer, label, size.name)));
    }
    await customer.goto("/account/orders");
    await customer.getByRole("link", { name: /NC-/ }).first().click();
    await expect(customer).toHaveURL(/\/account\/orders\/NC-/);
    findings.push(...(await audit(customer, "account order", size.name)));
    await admin.goto("/admin");
    findings.push(...(await audit(admin, "admin orders", size.name)));
    await admin.getByRole("link", { name: /NC-/ }).first().click();
    await expect(admin).toHaveURL(/\/admin\/orders\/NC-/);
    findings.push(...(await audit(admin, "admin order", size.name)));
  }
  const serious = report(findings);
  expect(serious, `serious or critical axe violations:\n${format(serious)}`).toEqual([]);
});
