import { TEST_CARD_CVV } from "../../lib/emulator/cards";
import { expect, test } from "./fixtures";
import { CARD, fillCard, pixelCardFrame, pixelPayButton } from "./helpers/emulator-pages";
import { signIn } from "./helpers/sign-in";
import type { Buyer } from "./helpers/store";

// Saved cards end to end (docs/paymob.md § "Saved cards"): a signed-in customer saves a card on the hosted page,
// the signed TOKEN callback keeps it for the account, the next checkouts offer it and pay with the CVV only (on the
// hosted page and in the emulator's Pixel), and removing it from the account takes it off the next checkout.

const runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const NOUR: Buyer = {
  phone: "+201012345678",
  firstName: "Nour",
  lastName: "Hassan",
  street: "1 Nile St",
  city: "Cairo",
};

test("a signed-in customer saves a card, pays the next orders with its CVV only, then removes it", async ({
  page,
  store,
}) => {
  test.setTimeout(180_000);
  await signIn(page, `saver-${runId}@example.com`);

  // First order: a new card, with "Save card" ticked on Paymob's (emulated) hosted page.
  await store.addToCart();
  await store.fillCheckout(NOUR, "Pay on Paymob's secure page");
  await store.pay();
  await expect(page).toHaveURL(/\/paymob-emulator\/unifiedcheckout\//);
  const cardForm = page.getByRole("form", { name: "Pay by card" });
  await fillCard(cardForm, CARD.approved);
  await cardForm.getByLabel("Save card for future payments").check();
  await cardForm.getByRole("button", { name: /^Pay/ }).click();
  await store.waitForStatus("Paid");

  // The TOKEN callback follows the transaction's: the account lists the card once it has landed.
  await expect(async () => {
    await page.goto("/account/cards");
    await expect(page.getByTestId("saved-card")).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId("saved-card")).toContainText("MasterCard xxxx-xxxx-xxxx-2346");

  // Second order: the hosted page offers the saved card and asks only for its CVV.
  await store.addToCart("spice-trio");
  await store.fillCheckout(NOUR, "Pay on Paymob's secure page");
  await store.pay();
  await expect(page).toHaveURL(/\/paymob-emulator\/unifiedcheckout\//);
  const savedForm = page.getByRole("form", { name: "Pay with a saved card" });
  await expect(savedForm.getByRole("radio", { name: "MasterCard xxxx-xxxx-xxxx-2346" })).toBeChecked();
  await expect(savedForm.getByLabel("Card number")).toHaveCount(0);
  await savedForm.getByLabel("CVV").fill(TEST_CARD_CVV);
  await savedForm.getByRole("button", { name: /^Pay/ }).click();
  await store.waitForStatus("Paid");

  // Third order, in Pixel: like Paymob's, it lists the saved card instead of a card form and asks for its CVV only.
  await store.addToCart();
  await store.fillCheckout(NOUR, "Pay here");
  await store.pay();
  await expect(page).toHaveURL(/\/checkout\/pay\/[0-9a-f-]{36}$/);
  const pixel = page.getByTestId("pixel-container");
  const savedCard = pixel.getByRole("radio", { name: "MASTERCARD Card Ending with 2346" });
  await expect(savedCard).toBeVisible();
  await expect(pixel.locator('iframe[src*="/iframe-card-v2/"]')).toHaveCount(0);
  // "New card" opens the card form; "View Saved Cards" goes back to the list.
  await pixel.getByRole("button", { name: "New card" }).click();
  await expect(pixelCardFrame(page).getByLabel("Card number")).toBeVisible();
  await pixel.getByRole("button", { name: "View Saved Cards" }).click();
  await savedCard.click();
  await expect(savedCard).toHaveAttribute("aria-checked", "true");
  await expect(pixelPayButton(page)).toBeDisabled();
  await page.frameLocator('iframe[src*="/iframe-card/?type=cvv"]').getByLabel("CVV").fill(TEST_CARD_CVV);
  const payRequest = page.waitForRequest((r) => r.url().endsWith("/api/acceptance/payments/pay"));
  await pixelPayButton(page).click();
  // Paymob's saved-card body, sent by Pixel from the store's page: the token and the CVV, no card details.
  expect((await payRequest).postDataJSON()).toEqual({
    source: { identifier: expect.any(String), subtype: "TOKEN", cvn: TEST_CARD_CVV, unified_checkout: "False" },
    payment_token: expect.any(String),
    unified_checkout: "False",
    api_source: "PIXEL",
  });
  await expect(page).toHaveURL(/\/checkout\/return\?/);
  await store.waitForStatus("Paid");

  // Removed from the account, the card is no longer offered.
  await page.goto("/account/cards");
  await page.getByRole("button", { name: "Remove MasterCard xxxx-xxxx-xxxx-2346" }).click();
  await expect(page.getByText("No saved cards.")).toBeVisible();
  await store.addToCart();
  await store.fillCheckout(NOUR, "Pay on Paymob's secure page");
  await store.pay();
  await expect(page).toHaveURL(/\/paymob-emulator\/unifiedcheckout\//);
  await expect(page.getByRole("form", { name: "Pay by card" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Pay with a saved card" })).toHaveCount(0);
});
