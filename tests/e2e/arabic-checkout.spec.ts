import type { Page } from "@playwright/test";
import fs from "node:fs";
import { expect, test } from "./fixtures";
import { axeFindings, expectNoSeriousFindings, type AxeFinding } from "./helpers/axe";
import { CARD, fillCard, pixelCardFrame } from "./helpers/emulator-pages";

// A shopper in Cairo on a phone, in Arabic, from the home page to Paid, through both of Paymob's integrations:
// the hosted checkout (the emulator's page in Arabic, from the browser's language) and Pixel (Arabic and
// right-to-left through customStyle). The store's fields are found by their names; what is checked is Arabic.

test.use({ viewport: { width: 390, height: 844 }, locale: "ar-EG" });

// Read as data: Playwright loads specs as plain ESM, which imports JSON only with an import attribute.
const arCheckout = JSON.parse(fs.readFileSync("lib/i18n/messages/ar/checkout.json", "utf8")) as {
  status: { paid: { label: string } };
};
const PAID = arCheckout.status.paid.label;

async function expectArabicPage(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(sideways, "nothing sticks out sideways at phone width").toBe(false);
}

async function addMugAndFillCheckout(page: Page, mode: "redirect" | "pixel") {
  await page.goto("/ar/products/aswan-clay-mug");
  await expectArabicPage(page);
  await page.locator('form:has(input[name="productId"]) button[type="submit"]').click();
  await expect(page.getByRole("status")).toContainText("سلتك");
  await page.goto("/ar/checkout");
  await expectArabicPage(page);
  const fill = (name: string, value: string) => page.locator(`input[name="${name}"]`).fill(value);
  await fill("email", "layla@example.com");
  await fill("phone", "+20 101 234 5678");
  await fill("firstName", "ليلى");
  await fill("lastName", "حسن");
  await fill("street", "١٢ شارع التحرير");
  await fill("city", "القاهرة");
  await page.locator(`input[name="mode"][value="${mode}"]`).check();
}

const payButton = (page: Page) => page.getByRole("button", { name: /^ادفع/ });

async function expectPaidInArabic(page: Page) {
  await expect(page).toHaveURL(/\/ar\/checkout\/return\?/);
  await expect(page.getByTestId("order-status")).toHaveText(PAID, { timeout: 20_000 });
  await expectArabicPage(page);
}

test("hosted checkout in Arabic: the emulator's page is Arabic and right-to-left, the order is paid", async ({
  page,
  takeScreenshot,
}) => {
  const findings: AxeFinding[] = [];
  const check = async (label: string) => findings.push(...(await axeFindings(page, `${label} (ar)`)));
  await page.goto("/ar");
  await expectArabicPage(page);
  await check("home");
  await takeScreenshot("ar-home-phone");
  await addMugAndFillCheckout(page, "redirect");
  await check("checkout");
  await takeScreenshot("ar-checkout-phone");

  await payButton(page).click();
  await expect(page).toHaveURL(/\/paymob-emulator\/unifiedcheckout\//);
  await expectArabicPage(page);
  const form = page.locator("form:has(#card_number)");
  await fillCard(form, CARD.approved, "ar");
  await form.getByRole("button", { name: /^ادفع/ }).click();

  await expectPaidInArabic(page);
  await check("return page");
  await takeScreenshot("ar-return-paid-phone");
  await page.goto("/ar/products/aswan-clay-mug");
  await check("product");
  await takeScreenshot("ar-product-phone");
  expectNoSeriousFindings(findings);
});

test("Pixel in Arabic: the card form is right-to-left with Arabic labels, the order is paid", async ({
  page,
  takeScreenshot,
}) => {
  await addMugAndFillCheckout(page, "pixel");
  await payButton(page).click();
  await expect(page).toHaveURL(/\/ar\/checkout\/pay\/[0-9a-f-]{36}$/);
  await expectArabicPage(page);
  const frame = pixelCardFrame(page);
  await expect(frame.locator("html")).toHaveAttribute("dir", "rtl", { timeout: 20_000 });
  await fillCard(frame, CARD.approved, "arPixel");
  await takeScreenshot("ar-pixel-phone");
  await page.getByTestId("pixel-container").getByRole("button", { name: /^ادفع/ }).click();
  await expectPaidInArabic(page);
});
