import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CARD, payOnHostedPage } from "./helpers/emulator-pages";
import { signIn } from "./helpers/sign-in";
import { Store } from "./helpers/store";

// Accounts and admin, end to end on a production build with the built-in Paymob emulator. Needs the web server
// started with ADMIN_EMAILS=admin@example.com and AUTH_DEV_OUTBOX=1 (sign-in links go to /dev/outbox).

const ADMIN = "admin@example.com";
const runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("without JavaScript the header's Account link leads to the orders, which offer Sign out", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, `no-script-${runId}@example.com`);
  await page.goto("/");
  await page.getByRole("banner").getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/account/orders");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccount%2Forders$/);
  await context.close();
});

test("a signed-in customer pays, sees the order in their account, an admin refunds it, and the customer sees Refunded", async ({
  browser,
}) => {
  // A whole journey (two sign-ins, a payment, a refund and its callback): about 50 s on an idle 2-core machine,
  // so the default minute is not enough when the machine is busy.
  test.setTimeout(180_000);
  const customerEmail = `buyer-${runId}@example.com`;
  const customer = await newPage(browser);

  // /account is for signed-in people: the proxy sends everyone else to /login and back.
  await customer.goto("/account/orders");
  await expect(customer).toHaveURL(/\/login\?callbackUrl=%2Faccount%2Forders$/);
  await signIn(customer, customerEmail);
  await expect(customer.getByText("No orders yet.", { exact: false })).toBeVisible();
  // The header's account menu comes from the browser's read of /api/visitor: a customer's has no admin link.
  await customer.getByRole("banner").getByText("Account", { exact: true }).click();
  await expect(customer.getByRole("banner").getByText(customerEmail, { exact: true })).toBeVisible();
  await expect(customer.getByRole("banner").getByRole("link", { name: "Your orders" })).toBeVisible();
  await expect(customer.getByRole("banner").getByRole("link", { name: "Admin" })).toHaveCount(0);

  // Shop and pay on the emulator's hosted checkout with its approved test card.
  const shop = new Store(customer);
  await shop.addToCart();
  await expect(customer.getByRole("banner").getByRole("link", { name: /^Cart 1 item/ })).toBeVisible();
  // No email typed: the session prefills it.
  await shop.fillCheckout(
    { phone: "+201012345678", firstName: "Nour", lastName: "Hassan", street: "12 Corniche el Nil", city: "Cairo" },
    "Pay on Paymob's secure page",
  );
  await expect(customer.getByLabel("Email")).toHaveValue(customerEmail);
  await shop.pay();
  await payOnHostedPage(customer, CARD.approved);

  await expect(customer).toHaveURL(/\/checkout\/return/);
  await shop.waitForStatus("Paid");
  const reference = (await customer.getByTestId("order-reference").textContent())?.trim();
  expect(reference).toMatch(/^[A-Z]{2}-[0-9A-Z]+$/);

  // The account lists it, newest first, and its page shows the payment timeline.
  await customer.goto("/account/orders");
  const listed = customer.getByTestId("account-order").filter({ hasText: reference! });
  await expect(listed).toContainText("Paid");
  await expect(listed).toContainText("1 × Aswan Clay Mug");
  await listed.click();
  await expect(customer.getByRole("heading", { level: 1, name: `Order ${reference}` })).toBeVisible();
  // What it means first, the payment story folded below (open here: the emulator).
  await expect(customer.getByTestId("order-next-step")).toContainText("We are preparing your order.");
  await expect(customer.getByTestId("payment-details")).toHaveAttribute("open", "");
  await expect(customer.getByTestId("payment-timeline")).toContainText("Paymob callback received");

  // A customer is not an admin: the admin area does not exist for them, not even this order's page.
  expect((await customer.goto("/admin"))?.status()).toBe(404);
  expect((await customer.goto(`/admin/orders/${reference}`))?.status()).toBe(404);

  // The admin, in another browser, finds the order and refunds it in full.
  const admin = await newPage(browser);
  await signIn(admin, ADMIN);
  await admin.getByRole("banner").getByText("Account", { exact: true }).click();
  await admin.getByRole("banner").getByRole("link", { name: "Admin" }).click();
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.getByLabel("Reference or email").fill(customerEmail.toUpperCase());
  await admin.getByRole("main").getByRole("button", { name: "Search" }).click();
  await expect(admin.getByText("1 order", { exact: true })).toBeVisible();
  // On a phone the list stacks into labelled cards with the time of day, and nothing scrolls sideways.
  const overflow = () =>
    admin.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await admin.setViewportSize({ width: 390, height: 844 });
  const row = admin.getByTestId("admin-order-row").first();
  await expect(row).toContainText("Placed");
  await expect(row.locator("time")).toHaveText(/^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await admin.setViewportSize({ width: 1280, height: 720 });
  await expect(row.locator("time")).toBeVisible();
  await admin.getByRole("link", { name: reference! }).click();
  await expect(admin.getByRole("heading", { level: 1, name: `Order ${reference}` })).toBeVisible();
  await admin.setViewportSize({ width: 390, height: 844 });
  expect(await overflow()).toBeLessThanOrEqual(0);
  await admin.setViewportSize({ width: 1280, height: 720 });
  const attempt = admin.getByTestId("payment-attempt").first();
  await expect(attempt).toContainText("paid");
  // Without JavaScript the confirmation is a page the server renders: the same two steps, no window.confirm.
  const noJs = await (
    await browser.newContext({ javaScriptEnabled: false, storageState: await admin.context().storageState() })
  ).newPage();
  await noJs.goto(admin.url());
  const noJsRefund = noJs.getByRole("form", { name: "Refund this payment" });
  await noJsRefund.getByLabel(/^Refund amount \(EGP\)/).fill("1.00");
  await noJsRefund.getByRole("button", { name: "Review refund" }).click();
  const noJsConfirm = noJs.getByRole("form", { name: "Confirm the refund" });
  await expect(noJsConfirm).toContainText("Refund EGP 1.00 of order");
  await noJsConfirm.getByRole("button", { name: "Cancel" }).click();
  await expect(noJs.getByRole("form", { name: "Refund this payment" })).toBeVisible();
  await noJs.context().close();

  const refundForm = attempt.getByRole("form", { name: "Refund this payment" });
  const amount = refundForm.getByLabel(/^Refund amount \(EGP\)/);
  // The box starts empty: the admin types what to give back; the label says the most that can be.
  await expect(amount).toHaveValue("");
  const full = /up to \D*([\d,]+\.\d{2})/
    .exec((await refundForm.locator("label").textContent()) ?? "")![1]!
    .replace(/,/g, "");
  // Over the refundable amount: refused on the server with the limit, before any confirmation, nothing sent.
  await amount.fill(String(Number(full) + 1));
  await refundForm.getByRole("button", { name: "Review refund" }).click();
  await expect(attempt.getByRole("status").filter({ hasText: "can still be refunded" })).toBeVisible();
  // The focus is back on the amount, which is marked invalid and described by why.
  await expect(amount).toBeFocused();
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  await expect(amount).toHaveAccessibleDescription(/can still be refunded/);
  // A refund is two steps: the first only says what will happen, with the amount; Cancel goes back.
  await amount.fill(full);
  await refundForm.getByRole("button", { name: "Review refund" }).click();
  const confirm = attempt.getByRole("form", { name: "Confirm the refund" });
  await expect(confirm).toContainText(`Refund EGP ${Number(full).toLocaleString("en", { minimumFractionDigits: 2 })}`);
  await expect(confirm.getByRole("heading", { name: "Confirm the refund" })).toBeFocused();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(amount).toHaveValue("");
  await expect(admin.getByTestId("reversal")).toHaveCount(0);
  await amount.fill(full);
  await refundForm.getByRole("button", { name: "Review refund" }).click();
  await confirm.getByRole("button", { name: /^Refund EGP\s/ }).click();
  await expect(attempt.getByRole("status").filter({ hasText: /^Refund of .+ requested\./ })).toBeVisible();

  // The order follows the emulator's refund callback, not the API answer.
  await expect(async () => {
    await admin.reload();
    await expect(admin.getByRole("main").getByText("Refunded", { exact: true }).first()).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 30_000, intervals: [500, 1_000, 2_000] });
  await expect(admin.getByTestId("callback-event").filter({ hasText: "HMAC valid" })).not.toHaveCount(0);
  // The order page lists the customer emails the payment owed, and whether they went out.
  await expect(admin.getByTestId("order-email").filter({ hasText: "Order confirmed" })).toContainText("Sent");
  await admin.getByTestId("callback-event").first().getByText("Raw body").click();
  await expect(admin.getByTestId("callback-event").first().locator("pre")).toContainText('"type": "TRANSACTION"');

  // Replaying the original payment callback is a no-op: it is reported as a duplicate and the order stays refunded.
  const firstEvent = admin.getByTestId("callback-event").first();
  await firstEvent.getByRole("button", { name: "Replay" }).click();
  await expect(firstEvent.getByRole("status")).toContainText("duplicate");
  await admin.reload();
  await expect(admin.getByRole("main").getByText("Refunded", { exact: true }).first()).toBeVisible();

  // The customer sees it too.
  await customer.goto("/account/orders");
  await expect(customer.getByTestId("account-order").filter({ hasText: reference! })).toContainText("Refunded");
  await customer.goto(`/account/orders/${reference}`);
  await expect(customer.getByRole("main").getByText("Refunded", { exact: true }).first()).toBeVisible();
  // Amounts read as money everywhere, the timeline's stored details included.
  await expect(customer.getByTestId("payment-timeline")).toContainText(/refund via \w+, total EGP\s350\.00 \(full\)/);

  // And was told by email, once for the payment and once for the refund (sent just after the callbacks).
  const mail = (kind: string) =>
    customer.locator(`[data-testid="outbox-message"][data-to="${customerEmail}"][data-kind="${kind}"]`);
  await expect(async () => {
    await customer.goto("/dev/outbox");
    await expect(mail("refund_issued")).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000, intervals: [500, 1_000, 2_000] });
  await expect(mail("order_confirmed")).toHaveCount(1);
  await expect(mail("refund_issued")).toContainText(`Refund issued for order ${reference}`);
});

test("signed-out visitors get 404 from /admin and cannot open someone's account pages", async ({ page }) => {
  expect((await page.goto("/admin"))?.status()).toBe(404);
  expect((await page.goto("/admin/orders/PS-ANYTHING"))?.status()).toBe(404);
  await page.goto("/account/orders/PS-ANYTHING");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccount%2Forders%2FPS-ANYTHING$/);
});

test("a signed-in customer gets 404 for an order reference that is not theirs, and a copied session dies at sign-out", async ({
  page,
  browser,
}) => {
  await signIn(page, `nosy-${runId}@example.com`);
  expect((await page.goto("/account/orders/PS-NOT-MINE"))?.status()).toBe(404);

  // Signed in, /login forwards to callbackUrl, but only to a path on this site, judged after normalisation.
  const forwarded = await page.request.get("/login?callbackUrl=%2F..%2F%2Fevil.example", { maxRedirects: 0 });
  expect(forwarded.status()).toBe(307);
  expect(new URL(forwarded.headers()["location"]!, page.url()).href).toBe(new URL("/account/orders", page.url()).href);

  // Someone copies the session cookie; then the customer signs out from the header menu.
  const copied = await page.context().cookies();
  await page.getByRole("banner").getByText("Account", { exact: true }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/account/orders");
  await expect(stolen).toHaveURL(/\/login\?callbackUrl=%2Faccount%2Forders$/);
  await thief.close();
});

test("a sign-in link asked for with a forged X-Forwarded-Host (and a matching Origin) still points at the store", async ({
  page,
  baseURL,
}) => {
  const email = `forged-host-${runId}@example.com`;
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  // The login form's own fields (its server action included), posted like curl would, claiming to arrive at
  // evil.example. A browser cannot forge Origin; a script can, and then Next's own CSRF check passes.
  const form = page.locator("form", { has: page.getByLabel("Email") });
  const fields = await form.evaluate((f: HTMLFormElement) =>
    [...new FormData(f)].map(([name, value]) => [name, String(value)] as const),
  );
  const response = await page.request.post("/login", {
    multipart: Object.fromEntries(fields),
    headers: { origin: "http://evil.example", "x-forwarded-host": "evil.example" },
    maxRedirects: 0,
  });
  expect(response.status()).toBeLessThan(400);
  await page.goto("/dev/outbox");
  const href = await page
    .getByRole("link", { name: `Sign in as ${email}` })
    .first()
    .getAttribute("href");
  expect(new URL(href!).origin).toBe(new URL(baseURL!).origin);
});
