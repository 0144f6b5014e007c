import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { confirmOtp, fillCard } from "./helpers/emulator-pages";
import { EMULATOR_PUBLIC_KEY, EMULATOR_SECRET_KEY } from "../../lib/paymob/emulator-credentials";

// Smoke test of the built-in Paymob emulator inside the production build: the hosted checkout works with
// JavaScript disabled, and the Pixel-compatible script renders its card iframe and completes payments.

const MOUNT = "/paymob-emulator";

async function createIntention(request: APIRequestContext, baseURL: string) {
  const reference = `E2E-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const res = await request.post(`${MOUNT}/v1/intention/`, {
    headers: { authorization: `Token ${EMULATOR_SECRET_KEY}` },
    data: {
      amount: 35_000,
      currency: "EGP",
      payment_methods: ["card", "wallet"],
      items: [{ name: "Aswan clay mug", amount: 35_000, quantity: 1 }],
      billing_data: {
        first_name: "Nour",
        last_name: "Hassan",
        email: "nour@example.com",
        phone_number: "+201000000001",
      },
      special_reference: reference,
      // Paymob's own status page stands in for the merchant's return page here.
      redirection_url: `${baseURL}${MOUNT}/unifiedcheckout/payment-status`,
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { client_secret: string; intention_order_id: number };
}

test.describe("Paymob emulator", () => {
  test.describe("hosted checkout without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("completes an approved card payment and redirects with a signed result", async ({
      page,
      request,
      baseURL,
    }) => {
      const intention = await createIntention(request, baseURL!);
      await page.goto(
        `${MOUNT}/unifiedcheckout/?publicKey=${EMULATOR_PUBLIC_KEY}&clientSecret=${intention.client_secret}`,
      );
      await expect(page.getByRole("note")).toContainText("TEST EMULATOR");
      await expect(page.getByLabel("Amount to pay")).toHaveText(/350\.00/);
      await fillCard(page, "5123 4567 8901 2346");
      await page.getByRole("button", { name: /^Pay / }).click();
      await expect(page).toHaveURL(/\/unifiedcheckout\/payment-status\?.*success=true/);
      const query = new URL(page.url()).searchParams;
      expect(query.get("order")).toBe(String(intention.intention_order_id));
      expect(query.get("hmac")).toMatch(/^[0-9a-f]{128}$/);
      await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
    });
  });

  test("Pixel renders one card iframe (even when constructed twice) and reports a non-3-DS result", async ({
    page,
    request,
    baseURL,
  }) => {
    const intention = await createIntention(request, baseURL!);
    await page.goto(`${MOUNT}/_emulator/pixel-demo?clientSecret=${intention.client_secret}`);
    await expect(page.locator("#pixel-container iframe")).toHaveCount(1);
    const frame = page.frameLocator("#pixel-container iframe");
    await fillCard(frame, "4111111111111111");
    await expect(page.locator("#events")).toContainText("cardValidationChanged true");
    await page.getByRole("button", { name: /^Pay EGP/ }).click();
    await expect(page.locator("#result")).toContainText('"success": "true"');
    await expect(page.locator("#events")).toContainText("beforePaymentComplete card");
    await expect(page.locator("#result")).toContainText('"is_3d_secure": "false"');
  });

  test("Pixel hands a 4xx pay answer to afterPaymentComplete, as Paymob's does", async ({ page, request, baseURL }) => {
    const intention = await createIntention(request, baseURL!);
    const demo = `${MOUNT}/_emulator/pixel-demo?clientSecret=${intention.client_secret}`;
    await page.goto(demo);
    await fillCard(page.frameLocator("#pixel-container iframe"), "4111111111111111");
    await page.getByRole("button", { name: /^Pay EGP/ }).click();
    await expect(page.locator("#result")).toContainText('"success": "true"');
    // The same intention again: Paymob's Pay API refuses it, and Pixel still reports instead of showing it.
    await page.goto(demo);
    await fillCard(page.frameLocator("#pixel-container iframe"), "4111111111111111");
    await page.getByRole("button", { name: /^Pay EGP/ }).click();
    await expect(page.locator("#result")).toContainText('"status": 400');
    await expect(page.locator("#result")).toContainText("Order has already paid.");
  });

  test("Pixel sends a 3-D Secure card through the emulated ACS page to the redirection URL", async ({
    page,
    request,
    baseURL,
  }) => {
    const intention = await createIntention(request, baseURL!);
    await page.goto(`${MOUNT}/_emulator/pixel-demo?clientSecret=${intention.client_secret}`);
    const frame = page.frameLocator("#pixel-container iframe");
    await fillCard(frame, "5123450000000008");
    await page.getByRole("button", { name: /^Pay EGP/ }).click();
    await expect(page.getByRole("heading", { name: "3-D Secure verification" })).toBeVisible();
    await confirmOtp(page);
    await expect(page).toHaveURL(/\/unifiedcheckout\/payment-status\?.*is_3d_secure=true/);
    await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible();
  });

  test("Pixel on an Arabic page: the card frame turns Arabic and right-to-left, and 3-D Secure follows", async ({
    page,
    request,
    baseURL,
  }) => {
    const intention = await createIntention(request, baseURL!);
    await page.goto(`${MOUNT}/_emulator/pixel-demo?clientSecret=${intention.client_secret}&lang=ar`);
    const frame = page.frameLocator("#pixel-container iframe");
    // The frame learns the page's direction and texts from customStyle, as Paymob's Pixel passes them on.
    await expect(frame.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(frame.locator("html")).toHaveAttribute("lang", "ar");
    await expect(frame.getByLabel("رقم البطاقة", { exact: true })).toHaveAttribute("dir", "ltr");
    await fillCard(frame, "4111111111111112", "arPixel"); // a mistyped number: Error_Text's Arabic
    await frame.getByLabel("رقم البطاقة", { exact: true }).blur();
    await expect(page.locator(".paymob-emu-errors")).toContainText("رقم البطاقة غير صحيح");
    await fillCard(frame, "5123450000000008", "arPixel");
    await page.getByRole("button", { name: /^ادفع EGP\s+350\.00/ }).click();
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.getByRole("heading", { name: "التحقق من الدفع (3-D Secure)" })).toBeVisible();
    await confirmOtp(page, "ar");
    await expect(page).toHaveURL(/\/unifiedcheckout\/payment-status\?.*is_3d_secure=true/);
  });
});
