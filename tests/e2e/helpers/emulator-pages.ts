import { expect, type FrameLocator, type Locator, type Page } from "@playwright/test";
import { TEST_CARD_CVV, TEST_CARD_EXPIRY, TEST_CARD_HOLDER, THREE_DS_OTP } from "../../../lib/emulator/cards";

// The built-in Paymob emulator's pages as a customer meets them: the hosted Unified Checkout, Pixel's card
// iframe and the 3-D Secure step.

export const CARD = {
  approved: "5123456789012346",
  threeDs: "5123450000000008",
  declined: "4000000000000002", // the emulator's own decline card (Paymob documents none)
  delayed: "4000000000000309", // approved; the server callback arrives seconds after the redirect
  pending: "4000000000000101", // never final: callback and inquiry both keep saying pending
  noCallback: "4000000000000507", // approved, but the emulator never calls back: only inquiry can settle it
};

/**
 * The card fields' labels as the emulator's pages show them in each language; in Pixel's frame an Arabic page's
 * customStyle.Placeholder_Text names them instead (lib/paymob/pixel-style.ts).
 */
const CARD_LABELS = {
  en: { number: "Card number", name: "Name on card", expiry: "Expiry (MM/YY)", cvv: "CVV" },
  ar: { number: "رقم البطاقة", name: "الاسم على البطاقة", expiry: "تاريخ الانتهاء (شهر/سنة)", cvv: "رمز الأمان (CVV)" },
  arPixel: {
    number: "رقم البطاقة",
    name: "الاسم كما يظهر على البطاقة",
    expiry: "تاريخ الانتهاء (شهر/سنة)",
    cvv: "رمز الأمان (CVV)",
  },
} as const;

/** Types a test card into a card form: the hosted page's, or Pixel's iframe. */
export async function fillCard(
  form: Page | Locator | FrameLocator,
  number: string,
  labels: keyof typeof CARD_LABELS = "en",
) {
  const label = CARD_LABELS[labels];
  await form.getByLabel(label.number, { exact: true }).fill(number);
  await form.getByLabel(label.name, { exact: true }).fill(TEST_CARD_HOLDER);
  await form.getByLabel(label.expiry, { exact: true }).fill(TEST_CARD_EXPIRY);
  await form.getByLabel(label.cvv, { exact: true }).fill(TEST_CARD_CVV);
}

/** Pays on Paymob's (emulated) Unified Checkout page, where the store's Pay button led. */
export async function payOnHostedPage(page: Page, card: string) {
  await expect(page).toHaveURL(/\/paymob-emulator\/unifiedcheckout\//);
  const form = page.getByRole("form", { name: "Pay by card" });
  await fillCard(form, card);
  await form.getByRole("button", { name: /^Pay/ }).click();
}

/**
 * Pixel's card frame in the store's /checkout/pay page: the emulator's Pixel and Paymob's both title it
 * "Elements" (Paymob's renders it inside an open shadow root, which Playwright's CSS locators pierce).
 */
export const pixelCardFrame = (page: Page) => page.frameLocator('iframe[title="Elements"]');

export const pixelPayButton = (page: Page) => page.getByTestId("pixel-container").getByRole("button", { name: /^Pay/ });

/** The emulated bank's 3-D Secure page, in the language the customer paid in. */
export async function confirmOtp(page: Page, language: "en" | "ar" = "en") {
  await page.getByLabel(language === "ar" ? "رمز التحقق المؤقت" : "One-time password").fill(THREE_DS_OTP);
  await page.getByRole("button", { name: language === "ar" ? "تأكيد" : "Confirm", exact: true }).click();
}
