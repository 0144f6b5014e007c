import type { Page } from "@playwright/test";
import { SEED_PRODUCTS } from "@/db/seed-data";
import { formatMoney } from "@/lib/money";
import { expect, test } from "./fixtures";
import { CARD, payOnHostedPage } from "./helpers/emulator-pages";
import { LAYLA } from "./helpers/store";

// Order emails on a production build with the emulator: the emulator's signed callback marks the order paid,
// the app sends "order confirmed" after answering it, and the dev outbox (/dev/outbox) shows it. The link opens
// the order for whoever proves the mailbox by signing in with it (a guest order joins that account), and for no
// one else.

const runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const MUG = SEED_PRODUCTS.find((p) => p.slug === "aswan-clay-mug")!;
const MUG_PRICE = formatMoney(MUG.price * 100, "EGP");

/** The outbox's messages of one kind to one address, once the send after the callback has happened. */
async function openOutboxMessage(page: Page, to: string, kind: string) {
  const message = page.locator(`[data-testid="outbox-message"][data-to="${to}"][data-kind="${kind}"]`);
  await expect(async () => {
    await page.goto("/dev/outbox");
    await expect(message).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000, intervals: [500, 1_000, 2_000] });
  return message;
}

test("a guest's payment sends one 'order confirmed' email with the total and a link to the order", async ({
  page,
  store,
  browser,
}) => {
  test.setTimeout(180_000);
  const email = `guest-mail-${runId}@example.com`;
  await store.addToCart();
  await store.fillCheckout({ ...LAYLA, email }, "Pay on Paymob's secure page");
  await store.pay();
  await payOnHostedPage(page, CARD.approved);
  await expect(page).toHaveURL(/\/checkout\/return/);

  const message = await openOutboxMessage(page, email, "order_confirmed");
  const subject = (await message.locator("p.font-medium").textContent()) ?? "";
  const reference = /^Order (\S+) confirmed$/.exec(subject.trim())?.[1];
  expect(reference).toBeTruthy();
  await expect(message).toContainText(`1 × ${MUG.name} — ${MUG_PRICE}`);
  await expect(message).toContainText(`Total: ${MUG_PRICE}`);
  const link = message.getByRole("link", { name: "View the order" });
  const origin = new URL(page.url()).origin;
  await expect(link).toHaveAttribute("href", `${origin}/account/orders/${reference}`);

  // Someone else holding the link (another browser, not signed in) is asked to sign in, and sees nothing.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(`/account/orders/${reference}`);
  await expect(stranger).toHaveURL(/\/login\?callbackUrl=/);
  await expect(stranger.getByText(MUG.name)).toHaveCount(0);

  // The customer follows the link, signs in with the order's email, and lands on the order.
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=%2Faccount%2Forders%2F${reference}$`));
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.getByRole("link", { name: "Open the dev outbox" }).click();
  await page
    .getByRole("link", { name: `Sign in as ${email}` })
    .first()
    .click();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/account/orders/${reference}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Order ${reference}` })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(MUG.name);

  // Still exactly one confirmation, however many times the callback was delivered or the page was reloaded.
  await page.goto("/dev/outbox");
  await expect(
    page.locator(`[data-testid="outbox-message"][data-to="${email}"][data-kind="order_confirmed"]`),
  ).toHaveCount(1);
});
