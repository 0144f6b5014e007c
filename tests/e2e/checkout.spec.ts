import { expect, test, type Page } from "@playwright/test";
import { TEST_CARD_CVV, TEST_CARD_EXPIRY, TEST_CARD_HOLDER, THREE_DS_OTP } from "../../lib/emulator/cards";

// Checkout against the built-in Paymob emulator, through both integrations Paymob offers: the hosted Unified
// Checkout (redirect) and the embedded Pixel. Every run ends on the return page, which shows the database state
// (set by the emulator's signed server callback), never what the browser redirect claimed.

const CARD = {
  approved: "5123456789012346",
  threeDs: "5123450000000008",
  declined: "4000000000000002", // the emulator's own decline card (Paymob documents none)
  delayed: "4000000000000309", // approved; the server callback arrives seconds after the redirect
};

test.use({ viewport: { width: 1280, height: 900 } });

const cartLink = (page: Page) => page.getByRole("banner").getByRole("link", { name: /^Cart/ });
const status = (page: Page) => page.getByTestId("order-status");
const timeline = (page: Page) => page.getByTestId("payment-timeline");

async function addToCart(page: Page, slug = "aswan-clay-mug") {
  await page.goto(`/products/${slug}`);
  await page.getByRole("button", { name: /^Add to cart/ }).click();
  await expect(page.getByRole("status")).toContainText("Your cart has");
}

async function fillCheckout(page: Page, mode: "Hosted checkout (redirect)" | "Embedded (Pixel)") {
  await page.goto("/checkout");
  await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
  await page.getByLabel("Email").fill("layla@example.com");
  await page.getByLabel("Phone").fill("+20 101 234 5678");
  await page.getByLabel("First name").fill("Layla");
  await page.getByLabel("Last name").fill("Hassan");
  await page.getByLabel("Street").fill("12 Tahrir Street");
  await page.getByLabel("City").fill("Cairo");
  await expect(page.getByLabel("Country")).toHaveValue("Egypt");
  await page.getByRole("radio", { name: new RegExp(`^${escape(mode)}`) }).check();
}

async function payHosted(page: Page, card: string) {
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await payOnHostedPage(page, card);
}

/** Paymob's (emulated) Unified Checkout page. */
async function payOnHostedPage(page: Page, card: string) {
  await expect(page).toHaveURL(/\/paymob-emulator\/unifiedcheckout\//);
  const form = page.getByRole("form", { name: "Pay by card" });
  await form.getByLabel("Card number").fill(card);
  await form.getByLabel("Name on card").fill(TEST_CARD_HOLDER);
  await form.getByLabel("Expiry (MM/YY)").fill(TEST_CARD_EXPIRY);
  await form.getByLabel("CVV").fill(TEST_CARD_CVV);
  await form.getByRole("button", { name: /^Pay/ }).click();
}

async function openPixel(page: Page, card: string) {
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(page).toHaveURL(/\/checkout\/pay\/[0-9a-f-]{36}$/);
  const frame = page.frameLocator('iframe[title="Card payment form"]');
  await frame.getByLabel("Card number").fill(card);
  await frame.getByLabel("Name on card").fill(TEST_CARD_HOLDER);
  await frame.getByLabel("Expiry (MM/YY)").fill(TEST_CARD_EXPIRY);
  await frame.getByLabel("CVV").fill(TEST_CARD_CVV);
}

const pixelPayButton = (page: Page) => page.getByTestId("pixel-container").getByRole("button", { name: /^Pay/ });

async function payPixel(page: Page, card: string) {
  await openPixel(page, card);
  await pixelPayButton(page).click();
}

async function confirmOtp(page: Page) {
  await page.getByLabel("One-time password").fill(THREE_DS_OTP);
  await page.getByRole("button", { name: "Confirm" }).click();
}

async function expectReturnPage(page: Page, label: "Paid" | "Payment failed") {
  await expect(page).toHaveURL(/\/checkout\/return\?/);
  await expect(status(page)).toHaveText(label, { timeout: 20_000 });
  const steps = timeline(page);
  await expect(steps).toContainText(/Order NC-[0-9A-Z]{8} placed/);
  await expect(steps).toContainText("Payment intention created with Paymob");
  await expect(steps).toContainText("Paymob callback received");
  await expect(steps).toContainText("signature verified");
  await expect(steps).toContainText(`Order status: Awaiting payment → ${label}`);
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function screenshot(page: Page, name: string) {
  await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete && img.naturalWidth > 0), undefined, { timeout: 10_000 });
  await page.screenshot({ path: `tests/e2e/screenshots/${name}.png`, fullPage: true });
}

test.describe("hosted checkout (redirect)", () => {
  test("approved card: paid, the cart is emptied, and the order is private to this browser", async ({ page, browser }) => {
    await addToCart(page);
    await fillCheckout(page, "Hosted checkout (redirect)");
    await expect(page.getByTestId("order-total")).toHaveText("EGP 350.00");
    await screenshot(page, "checkout");

    await payHosted(page, CARD.approved);
    await expectReturnPage(page, "Paid");
    await expect(timeline(page)).toContainText("Sent to Paymob's hosted checkout");
    await expect(timeline(page)).toContainText(/Returned from Paymob.*approved.*signature verified/);
    await expect(cartLink(page)).toHaveAccessibleName("Cart, 0 items");
    await screenshot(page, "return-paid");

    const cookie = (await page.context().cookies()).find((c) => c.name === "sf_visitor");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    // The same return URL in another browser (no visitor cookie) is a 404 that reveals nothing.
    const stranger = await browser.newContext();
    const other = await stranger.newPage();
    const response = await other.goto(page.url());
    expect(response?.status()).toBe(404);
    await expect(other.getByTestId("order-status")).toHaveCount(0);
    await stranger.close();
  });

  test("declined card: payment failed, then Try again pays the same order with a new attempt", async ({ page }) => {
    await addToCart(page, "spice-trio");
    await fillCheckout(page, "Hosted checkout (redirect)");
    await payHosted(page, CARD.declined);
    await expectReturnPage(page, "Payment failed");
    const reference = (await page.getByText(/^Order NC-/).first().textContent())?.match(/NC-[0-9A-Z]{8}/)?.[0];
    await expect(cartLink(page)).toHaveAccessibleName("Cart, 1 item");

    await page.getByRole("button", { name: "Try again" }).click();
    await payOnHostedPage(page, CARD.approved);
    await expect(status(page)).toHaveText("Paid", { timeout: 20_000 });
    await expect(page).toHaveURL(new RegExp(`merchant_order_id=${reference}-2`));
    const steps = timeline(page);
    await expect(steps).toContainText("Order status: Awaiting payment → Payment failed");
    await expect(steps).toContainText("Try again: payment attempt 2 startedattempt 2");
    await expect(steps).toContainText("Order back to awaiting payment · paying by hosted checkout");
    await expect(steps.getByText("Order status: Awaiting payment → Paid")).toBeVisible();
    await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
  });

  test("3-D Secure card with the OTP: paid", async ({ page }) => {
    await addToCart(page);
    await fillCheckout(page, "Hosted checkout (redirect)");
    await payHosted(page, CARD.threeDs);
    await confirmOtp(page);
    await expectReturnPage(page, "Paid");
  });

  test("the callback lands after the customer is back: the page turns to Paid by itself", async ({ page }) => {
    await addToCart(page);
    await fillCheckout(page, "Hosted checkout (redirect)");
    await payHosted(page, CARD.delayed);
    await expect(page).toHaveURL(/\/checkout\/return\?/);
    await expect(status(page)).toHaveText("Awaiting payment");
    await expect(page.getByText("This page updates by itself.")).toBeVisible();
    const url = page.url();
    await expect(status(page)).toHaveText("Paid", { timeout: 30_000 });
    expect(page.url()).toBe(url); // no reload, no navigation: the poller re-rendered it
    await expect(timeline(page)).toContainText("Order status: Awaiting payment → Paid");
  });
});

test.describe("embedded checkout (Pixel)", () => {
  test("approved card: Pixel reports the result and the return page shows Paid", async ({ page }) => {
    await addToCart(page);
    await fillCheckout(page, "Embedded (Pixel)");
    await openPixel(page, CARD.approved);
    await expect(page.getByText("Loading Paymob's secure card form…")).toHaveCount(0);
    await screenshot(page, "pixel");
    await pixelPayButton(page).click();
    await expectReturnPage(page, "Paid");
    await expect(timeline(page)).toContainText("Embedded card form (Pixel) opened");
  });

  test("declined card: payment failed", async ({ page }) => {
    await addToCart(page, "spice-trio");
    await fillCheckout(page, "Embedded (Pixel)");
    await payPixel(page, CARD.declined);
    await expectReturnPage(page, "Payment failed");
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  });

  test("3-D Secure: the whole page goes to the bank and comes back to the return page", async ({ page }) => {
    await addToCart(page);
    await fillCheckout(page, "Embedded (Pixel)");
    await payPixel(page, CARD.threeDs);
    await confirmOtp(page);
    await expectReturnPage(page, "Paid");
  });
});

test("the form keeps what was typed and explains each mistake next to its field", async ({ page }) => {
  await addToCart(page);
  await page.goto("/checkout");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("First name").fill("Layla");
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter a valid email address, like you@example.com.");
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
  await expect(page.getByLabel("First name")).toHaveValue("Layla");
  await expect(page.getByLabel("Phone")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Please correct the highlighted fields.");
  await expect(page).toHaveURL(/\/checkout$/);
});

test("an empty cart gets a friendly checkout page", async ({ page }) => {
  await page.goto("/checkout");
  await expect(page.getByRole("heading", { level: 1, name: "Your cart is empty" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the shop" })).toHaveAttribute("href", "/");
});
