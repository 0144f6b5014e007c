import { expect, test, type Page } from "@playwright/test";
import { TEST_CARD_CVV, TEST_CARD_EXPIRY, TEST_CARD_HOLDER } from "../../lib/emulator/cards";

// The per-request policy (proxy.ts) must not block anything the store needs: Next's own scripts (nonce), the
// cart's actions, the Pixel script, its styles and card frame (emulator here), and the hosted checkout page.
// Chromium reports every blocked script, style, frame or fetch as a console error naming the policy.

test.use({ viewport: { width: 1280, height: 900 } });

function collectViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  return violations;
}

async function checkoutWith(page: Page, mode: RegExp) {
  await page.goto("/products/aswan-clay-mug");
  await page.getByRole("button", { name: /^Add to cart/ }).click();
  await expect(page.getByRole("status")).toContainText("Your cart has");
  await page.goto("/cart");
  await page.getByRole("button", { name: "Increase quantity of Aswan Clay Mug" }).click();
  await expect(page.getByRole("status")).toContainText("quantity 2");
  await page.goto("/checkout");
  await page.getByLabel("Email").fill("csp@example.com");
  await page.getByLabel("Phone").fill("+20 101 234 5678");
  await page.getByLabel("First name").fill("Nour");
  await page.getByLabel("Last name").fill("Adel");
  await page.getByLabel("Street").fill("3 Corniche");
  await page.getByLabel("City").fill("Aswan");
  await page.getByRole("radio", { name: mode }).check();
  await page.getByRole("button", { name: "Pay", exact: true }).click();
}

async function fillCard(scope: ReturnType<Page["frameLocator"]> | ReturnType<Page["getByRole"]>) {
  await scope.getByLabel("Card number").fill("5123456789012346");
  await scope.getByLabel("Name on card").fill(TEST_CARD_HOLDER);
  await scope.getByLabel("Expiry (MM/YY)").fill(TEST_CARD_EXPIRY);
  await scope.getByLabel("CVV").fill(TEST_CARD_CVV);
}

test("a Pixel payment runs under a nonce policy without a single violation", async ({ page }) => {
  const violations = collectViolations(page);
  const home = await page.goto("/");
  expect(home?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  await checkoutWith(page, /^Embedded \(Pixel\)/);
  await expect(page).toHaveURL(/\/checkout\/pay\/[0-9a-f-]{36}$/);
  await fillCard(page.frameLocator('iframe[title="Card payment form"]'));
  await page.getByTestId("pixel-container").getByRole("button", { name: /^Pay/ }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Paid", { timeout: 20_000 });
  expect(violations).toEqual([]);
});

test("the hosted checkout (the emulator's own pages) runs without a violation", async ({ page }) => {
  const violations = collectViolations(page);
  await checkoutWith(page, /^Hosted checkout \(redirect\)/);
  await expect(page).toHaveURL(/\/paymob-emulator\/unifiedcheckout\//);
  await fillCard(page.getByRole("form", { name: "Pay by card" }));
  await page.getByRole("form", { name: "Pay by card" }).getByRole("button", { name: /^Pay/ }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Paid", { timeout: 20_000 });
  expect(violations).toEqual([]);
});

test("control: an injected inline script without the nonce is blocked, and reported where the tests above look", async ({ page }) => {
  const violations = collectViolations(page);
  await page.goto("/");
  await page.addScriptTag({ content: "window.__injected = true;" }).catch(() => undefined);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  await expect.poll(() => violations.length).toBeGreaterThan(0);
});
