import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CARD, fillCard, payOnHostedPage, pixelCardFrame, pixelPayButton } from "./helpers/emulator-pages";
import type { Buyer, PaymentMode, Store } from "./helpers/store";

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

const BUYER: Buyer = {
  email: "csp@example.com",
  phone: "+20 101 234 5678",
  firstName: "Nour",
  lastName: "Adel",
  street: "3 Corniche",
  city: "Aswan",
};

async function checkoutWith(store: Store, mode: PaymentMode) {
  const page = store.page;
  await store.addToCart();
  await page.goto("/cart");
  await page.getByRole("button", { name: "Increase quantity of Aswan Clay Mug" }).click();
  await expect(page.getByRole("status")).toContainText("quantity 2");
  await store.fillCheckout(BUYER, mode);
  await store.pay();
}

test("a Pixel payment runs under a nonce policy without a single violation", async ({ page, store }) => {
  const violations = collectViolations(page);
  const home = await page.goto("/");
  expect(home?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  await checkoutWith(store, "Pay here");
  await expect(page).toHaveURL(/\/checkout\/pay\/[0-9a-f-]{36}$/);
  await fillCard(pixelCardFrame(page), CARD.approved);
  await pixelPayButton(page).click();
  await store.waitForStatus("Paid");
  expect(violations).toEqual([]);
});

test("the hosted checkout (the emulator's own pages) runs without a violation", async ({ page, store }) => {
  const violations = collectViolations(page);
  await checkoutWith(store, "Pay on Paymob's secure page");
  await payOnHostedPage(page, CARD.approved);
  await store.waitForStatus("Paid");
  expect(violations).toEqual([]);
});

test("control: an injected inline script without the nonce is blocked, and reported where the tests above look", async ({
  page,
}) => {
  const violations = collectViolations(page);
  await page.goto("/");
  await page.addScriptTag({ content: "window.__injected = true;" }).catch(() => undefined);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  await expect.poll(() => violations.length).toBeGreaterThan(0);
});
