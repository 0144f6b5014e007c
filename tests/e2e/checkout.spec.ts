import { expect, test } from "./fixtures";
import { CARD, confirmOtp, fillCard, payOnHostedPage, pixelCardFrame, pixelPayButton } from "./helpers/emulator-pages";
import type { Locator, Page } from "@playwright/test";
import { LAYLA, type PaymentMode, type Store } from "./helpers/store";

// Checkout against the built-in Paymob emulator, through both integrations Paymob offers: the hosted Unified
// Checkout (redirect) and the embedded Pixel. Every run ends on the return page, which shows the database state
// (set by the emulator's signed server callback), never what the browser redirect claimed.

test.use({ viewport: { width: 1280, height: 900 } });

async function payHosted(store: Store, card: string) {
  await store.pay();
  await payOnHostedPage(store.page, card);
}

async function openPixel(store: Store, card: string) {
  await store.pay();
  await expect(store.page).toHaveURL(/\/checkout\/pay\/[0-9a-f-]{36}$/);
  await fillCard(pixelCardFrame(store.page), card);
}

async function payPixel(store: Store, card: string) {
  await openPixel(store, card);
  await pixelPayButton(store.page).click();
}

/** Nothing focused: the README's checkout pictures show the form, not the field typed into last. */
const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

/** `upper` is drawn above `lower` (both visible). */
async function expectAbove(upper: Locator, lower: Locator) {
  const [a, b] = [await upper.boundingBox(), await lower.boundingBox()];
  expect(a && b && a.y + a.height <= b.y, "expected the first element above the second").toBe(true);
}

async function expectReturnPage(store: Store, label: "Paid" | "Payment failed") {
  const page = store.page;
  await expect(page).toHaveURL(/\/checkout\/return\?/);
  await store.waitForStatus(label);
  // The customer's page leads (status, what happens next, the order); the payment story is folded below it,
  // open here because this is the emulator (collapsed for customers on real Paymob: customer-order-pages.test.ts).
  await expect(page.getByTestId("order-next-step")).not.toBeEmpty();
  const details = page.getByTestId("payment-details");
  await expect(details.locator("summary")).toContainText("Payment details");
  await expect(details).toHaveAttribute("open", "");
  await expectAbove(store.orderStatus(), page.getByTestId("order-total"));
  await expectAbove(page.getByTestId("order-total"), details);
  const steps = store.timeline();
  await expect(steps).toContainText(/Order NC-[0-9A-Z]{8} placed/);
  await expect(steps).toContainText("Payment intention created with Paymob");
  await expect(steps).toContainText("Paymob callback received");
  await expect(steps).toContainText("signature verified");
  await expect(steps).toContainText(`Order status: Awaiting payment → ${label}`);
}

const HOSTED: PaymentMode = "Pay on Paymob's secure page";
const PIXEL: PaymentMode = "Pay here";

test.describe("hosted checkout (redirect)", () => {
  test("approved card: paid, the cart is emptied, and the order is private to this browser", async ({
    page,
    browser,
    store,
    takeScreenshot,
  }) => {
    await store.addToCart();
    await store.fillCheckout(LAYLA, HOSTED);
    await expect(page.getByTestId("order-total")).toHaveText("EGP 350.00");
    await expect(store.payButton()).toHaveText("Pay EGP 350.00");
    await blur(page);
    await takeScreenshot("checkout");

    await payHosted(store, CARD.approved);
    await expectReturnPage(store, "Paid");
    await expect(store.timeline()).toContainText("Sent to Paymob's hosted checkout");
    await expect(store.timeline()).toContainText(/Returned from Paymob.*approved.*signature verified/);
    await expect(store.cartLink()).toHaveAccessibleName("Cart 0 items");
    await takeScreenshot("return-paid");

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

  test("declined card: payment failed, then Try again pays the same order with a new attempt", async ({
    page,
    store,
  }) => {
    await store.addToCart("spice-trio");
    await store.fillCheckout(LAYLA, HOSTED);
    await payHosted(store, CARD.declined);
    await expectReturnPage(store, "Payment failed");
    const reference = (
      await page
        .getByText(/^Order NC-/)
        .first()
        .textContent()
    )?.match(/NC-[0-9A-Z]{8}/)?.[0];
    await expect(store.cartLink()).toHaveAccessibleName("Cart 1 item");

    await page.getByRole("button", { name: "Try again" }).click();
    await payOnHostedPage(page, CARD.approved);
    await store.waitForStatus("Paid");
    await expect(page).toHaveURL(new RegExp(`merchant_order_id=${reference}-2`));
    const steps = store.timeline();
    await expect(steps).toContainText("Order status: Awaiting payment → Payment failed");
    await expect(steps).toContainText("Try again: payment attempt 2 startedattempt 2");
    await expect(steps).toContainText("Order back to awaiting payment · paying by hosted checkout");
    await expect(steps.getByText("Order status: Awaiting payment → Paid")).toBeVisible();
    await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
  });

  test("3-D Secure card with the OTP: paid", async ({ page, store }) => {
    await store.addToCart();
    await store.fillCheckout(LAYLA, HOSTED);
    await payHosted(store, CARD.threeDs);
    await confirmOtp(page);
    await expectReturnPage(store, "Paid");
  });

  test("the callback lands after the customer is back: the page turns to Paid by itself", async ({ page, store }) => {
    await store.addToCart();
    await store.fillCheckout(LAYLA, HOSTED);
    await payHosted(store, CARD.delayed);
    await expect(page).toHaveURL(/\/checkout\/return\?/);
    await expect(store.orderStatus()).toHaveText("Awaiting payment");
    await expect(page.getByText("This page updates by itself.")).toBeVisible();
    const url = page.url();
    await store.waitForStatus("Paid", 30_000);
    expect(page.url()).toBe(url); // no reload, no navigation: the poller re-rendered it
    await expect(store.timeline()).toContainText("Order status: Awaiting payment → Paid");
  });

  test("a payment that stays pending: after a bounded wait the page says what to do, never an endless spinner", async ({
    page,
    store,
    takeScreenshot,
  }) => {
    // Playwright's clock replaces the page's timers and Date (time still flows), so the wait is skipped, not slept.
    await page.clock.install();
    await store.addToCart();
    await store.fillCheckout(LAYLA, HOSTED);
    await payHosted(store, CARD.pending);
    await expect(page).toHaveURL(/\/checkout\/return\?/);
    await expect(store.orderStatus()).toHaveText("Awaiting payment");
    const checking = page.getByText("This page updates by itself.");
    await expect(checking).toBeVisible();
    const reference = (
      await page
        .getByText(/^Order NC-/)
        .first()
        .textContent()
    )?.match(/NC-[0-9A-Z]{8}/)?.[0];

    await page.clock.fastForward("02:00");
    const help = page.getByTestId("still-pending");
    await expect(help).toContainText(`Your order reference is ${reference}`);
    await expect(help).toContainText("we'll email you when it's confirmed");
    await expect(help.getByRole("link", { name: "support@example.com" })).toHaveAttribute(
      "href",
      `mailto:support@example.com?subject=Order%20${reference}`,
    );
    await expect(checking).toHaveCount(0);
    await takeScreenshot("return-pending");

    // Check again asks once more and starts another bounded round.
    await help.getByRole("button", { name: "Check again" }).click();
    await expect(checking).toBeVisible();
    await expect(help).toHaveCount(0);
    await expect(store.orderStatus()).toHaveText("Awaiting payment");
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the order and its total come before the Pay button, which names the amount", async ({
    page,
    store,
    takeScreenshot,
  }) => {
    await store.addToCart();
    await store.fillCheckout(LAYLA, HOSTED);
    await expect(page.getByRole("radio", { name: /^Pay here/ })).toBeVisible();
    await expect(page.getByText("For developers:")).toContainText("Hosted checkout (redirect)");
    await expectAbove(page.getByTestId("order-total"), page.getByRole("group", { name: "Contact" }));
    await expect(store.payButton()).toHaveText("Pay EGP 350.00");
    await blur(page);
    await takeScreenshot("checkout-phone");

    await payHosted(store, CARD.approved);
    await expectReturnPage(store, "Paid");
    await takeScreenshot("return-paid-phone");
  });
});

test.describe("embedded checkout (Pixel)", () => {
  test("approved card: Pixel reports the result and the return page shows Paid", async ({
    page,
    store,
    takeScreenshot,
  }) => {
    await store.addToCart();
    await store.fillCheckout(LAYLA, PIXEL);
    await openPixel(store, CARD.approved);
    await expect(page.getByText("Loading Paymob's secure card form…")).toHaveCount(0);
    await takeScreenshot("pixel");
    await pixelPayButton(page).click();
    await expectReturnPage(store, "Paid");
    await expect(store.timeline()).toContainText("Embedded card form (Pixel) opened");
  });

  test("declined card: payment failed", async ({ page, store }) => {
    await store.addToCart("spice-trio");
    await store.fillCheckout(LAYLA, PIXEL);
    await payPixel(store, CARD.declined);
    await expectReturnPage(store, "Payment failed");
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  });

  test("3-D Secure: the whole page goes to the bank and comes back to the return page", async ({ page, store }) => {
    await store.addToCart();
    await store.fillCheckout(LAYLA, PIXEL);
    await payPixel(store, CARD.threeDs);
    await confirmOtp(page);
    await expectReturnPage(store, "Paid");
  });
});

test("the form keeps what was typed and explains each mistake next to its field", async ({ page, store }) => {
  await store.addToCart();
  await page.goto("/checkout");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("First name").fill("Layla");
  await store.pay();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(
    "Enter a valid email address, like you@example.com.",
  );
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
  await expect(page.getByLabel("First name")).toHaveValue("Layla");
  await expect(page.getByLabel("Phone")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Please correct the highlighted fields.");
  await expect(page).toHaveURL(/\/checkout$/);
  // The focus lands on the first field in error, not on the button far below it; again after each refusal.
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.getByLabel("Email").fill("layla@example.com");
  await store.pay();
  await expect(page.getByLabel("Email")).not.toHaveAttribute("aria-invalid");
  await expect(page.getByLabel("Phone")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Phone")).toHaveAccessibleDescription(/^Enter a phone number/);
  await expect(page.getByLabel("Phone")).toBeFocused();
});

test("an empty cart gets a friendly checkout page", async ({ page }) => {
  await page.goto("/checkout");
  await expect(page.getByRole("heading", { level: 1, name: "Your cart is empty" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the shop" })).toHaveAttribute("href", "/");
});
