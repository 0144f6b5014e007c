import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { TEST_CARD_CVV } from "../../lib/emulator/cards";
import { EMULATOR_MOUNT } from "../../lib/paymob/emulator-credentials";
import { startAppServer, type AppServer } from "../../scripts/app-server.mjs";
import { CARD, confirmOtp, fillCard, pixelCardFrame, pixelPayButton } from "./helpers/emulator-pages";
import { routePaymobPixel, type PaymobHostTraffic } from "./helpers/paymob-pixel-hosts";
import { signIn } from "./helpers/sign-in";
import { LAYLA, Store, type Buyer } from "./helpers/store";

// The store's Pixel page with Paymob's own Pixel code (the npm build, PAYMOB_PIXEL_BUILD=paymob-pixel-alpha) paying
// the built-in emulator, under the store's real Content-Security-Policy. Paymob's Pixel hands every non-3-D-Secure
// pay answer to afterPaymentComplete (a 4xx included), so the store leaves for its return page, which shows what
// the signed callback decided; 3-D Secure navigates the whole page to the bank and back to the return page.

let dataRoot: string;
let server: AppServer;
let appUrl: string;

test.describe.configure({ mode: "serial", timeout: 120_000 });
test.use({ viewport: { width: 1280, height: 900 } });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "pixel-bundle-"));
  server = await startAppServer({
    env: {
      ...process.env,
      PGLITE_DATA_DIR: path.join(dataRoot, "pglite"),
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
      NEXT_TELEMETRY_DISABLED: "1",
      PAYMOB_PIXEL_BUILD: "paymob-pixel-alpha",
      // The saved-card case signs in by magic link, read from the local outbox.
      AUTH_DEV_OUTBOX: "1",
    },
    stdio: "ignore",
  });
  appUrl = `http://localhost:${server.port}`;
});

test.afterAll(async () => {
  await server?.stop();
  if (dataRoot) fs.rmSync(dataRoot, { recursive: true, force: true });
});

function collectViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  return violations;
}

/** Cart, checkout by Pixel, and the card typed into Paymob's card frame; returns what reached Paymob's hosts. */
async function openPaymobPixel(page: Page, card: string, product?: string) {
  const traffic = await routePaymobPixel(page.context(), appUrl);
  const store = new Store(page, appUrl);
  await store.addToCart(product);
  await store.fillCheckout(LAYLA, "Pay here");
  await store.pay();
  await expect(page).toHaveURL(/\/checkout\/pay\/[0-9a-f-]{36}$/);
  await fillCard(pixelCardFrame(page), card);
  // Paymob's bundle, not the emulator's stand-in, is the one that defined window.Pixel.
  expect(await page.evaluate(() => "__emulator" in ((window as { Pixel?: object }).Pixel ?? {}))).toBe(false);
  return { store, traffic };
}

const expectReachedPaymobHosts = (traffic: PaymobHostTraffic) => {
  const seen = traffic.map((t) => `${t.method} ${new URL(t.url).host}${new URL(t.url).pathname}`);
  expect(seen).toContainEqual(expect.stringMatching(/^GET accept-alpha\.paymob\.com\/v1\/intention\/element\/egy_pk_/));
  expect(seen).toContain("GET alpha.checkout.paymob.com/iframe-card-v2/");
  expect(seen).toContain("POST alpha.checkout.paymob.com/api/acceptance/payments/pay");
};

test("approved card: Paymob's Pixel pays through its card frame and the return page shows Paid", async ({ page }) => {
  const violations = collectViolations(page);
  const { store, traffic } = await openPaymobPixel(page, CARD.approved);
  await expect(pixelPayButton(page)).toHaveText(/^Pay\s+EGP\s+350\.00/);
  await pixelPayButton(page).click();
  await expect(page).toHaveURL(/\/checkout\/return\?/);
  await store.waitForStatus("Paid");
  expectReachedPaymobHosts(traffic);
  expect(violations).toEqual([]);
});

test("declined card: afterPaymentComplete, and the return page shows Payment failed", async ({ page }) => {
  const { store } = await openPaymobPixel(page, CARD.declined, "spice-trio");
  await pixelPayButton(page).click();
  await expect(page).toHaveURL(/\/checkout\/return\?/);
  await store.waitForStatus("Payment failed");
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
});

test("a 4xx pay answer also goes to afterPaymentComplete: the return page shows what the order really is", async ({
  page,
}) => {
  const { store } = await openPaymobPixel(page, CARD.approved);
  // Another tab pays the same attempt first; Paymob then answers this Pay with 400 "Order has already paid.".
  const other = await page.context().newPage();
  await other.goto(page.url());
  await fillCard(pixelCardFrame(other), CARD.approved);
  await pixelPayButton(other).click();
  await new Store(other, appUrl).waitForStatus("Paid");
  await other.close();

  const answer = page.waitForResponse((r) => r.url().endsWith("/api/acceptance/payments/pay"));
  await pixelPayButton(page).click();
  expect((await answer).status()).toBe(400);
  await expect(page).toHaveURL(/\/checkout\/return\?/);
  await store.waitForStatus("Paid");
});

test("3-D Secure: Paymob's Pixel sends the whole page to the bank, which returns to the return page", async ({
  page,
}) => {
  const { store } = await openPaymobPixel(page, CARD.threeDs);
  await pixelPayButton(page).click();
  await confirmOtp(page);
  await expect(page).toHaveURL(/\/checkout\/return\?/);
  await store.waitForStatus("Paid");
});

test("saved card: Paymob's Pixel lists it and pays it with the CVV only, the store's CSP and CORS allowing it", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  // A context of its own whose relative URLs (the sign-in helper's) lead to this spec's server.
  const context = await browser.newContext({ baseURL: appUrl, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const violations = collectViolations(page);
  const traffic = await routePaymobPixel(context, appUrl);
  const store = new Store(page, appUrl);
  const buyer: Buyer = { ...LAYLA, email: undefined };
  await signIn(page, "pixel-saver@example.com");

  // First order: a new card in Paymob's card form, with Pixel's own "Save card for future use" ticked.
  await store.addToCart();
  await store.fillCheckout(buyer, "Pay here");
  await store.pay();
  await fillCard(pixelCardFrame(page), CARD.approved);
  await page.getByTestId("pixel-container").getByRole("checkbox", { name: "Save card for future use" }).check();
  await pixelPayButton(page).click();
  await expect(page).toHaveURL(/\/checkout\/return\?/);
  await store.waitForStatus("Paid");
  await expect(async () => {
    await page.goto("/account/cards");
    await expect(page.getByTestId("saved-card")).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  // Second order: Paymob's Pixel lists the card (the element answer's card_tokens) instead of its card form.
  await store.addToCart("spice-trio");
  await store.fillCheckout(buyer, "Pay here");
  await store.pay();
  await expect(page).toHaveURL(/\/checkout\/pay\/[0-9a-f-]{36}$/);
  const pixel = page.getByTestId("pixel-container");
  await pixel.getByText("Card Ending with 2346").click();
  // Its CVV frame, from Paymob's front-end host; Pixel pays from the store's page, a cross-origin JSON POST.
  await page.frameLocator('iframe[src*="/iframe-card/?type=cvv"]').getByLabel("CVV").fill(TEST_CARD_CVV);
  const payRequest = page.waitForRequest((r) => r.url().endsWith("/api/acceptance/payments/pay"));
  await pixelPayButton(page).click();
  const request = await payRequest;
  expect(new URL(request.url()).host).toBe("accept-alpha.paymob.com");
  expect(request.postDataJSON()).toMatchObject({
    source: { subtype: "TOKEN", cvn: TEST_CARD_CVV },
    api_source: "PIXEL",
  });
  // Playwright answers a routed request's CORS preflight itself and adds an Access-Control-Allow-Origin of the
  // page's origin to a routed answer that lacks one, so the browser alone cannot catch a missing header here: the
  // answer must carry the emulator's own "*", and its preflight is asked directly, as a browser would.
  expect((await request.response())?.headers()["access-control-allow-origin"]).toBe("*");
  const preflight = await context.request.fetch(`${appUrl}${EMULATOR_MOUNT}/api/acceptance/payments/pay`, {
    method: "OPTIONS",
    headers: {
      origin: appUrl,
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type",
    },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()).toMatchObject({
    "access-control-allow-origin": "*",
    "access-control-allow-methods": expect.stringContaining("POST"),
    "access-control-allow-headers": expect.stringContaining("content-type"),
  });
  await expect(page).toHaveURL(/\/checkout\/return\?/);
  await store.waitForStatus("Paid");
  const seen = traffic.map((t) => `${t.method} ${new URL(t.url).host}${new URL(t.url).pathname}`);
  expect(seen).toContain("GET alpha.checkout.paymob.com/iframe-card/");
  expect(seen).toContain("POST accept-alpha.paymob.com/api/acceptance/payments/pay");
  expect(violations).toEqual([]);
  await context.close();
});
