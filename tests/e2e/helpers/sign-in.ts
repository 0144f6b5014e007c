import { expect, type Page } from "@playwright/test";

/**
 * Signs in by magic link: ask for it on /login, open it from the dev outbox like an inbox, and confirm on the
 * page it opens (opening the link alone signs no one in). Needs the server started with AUTH_DEV_OUTBOX=1.
 */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.getByRole("link", { name: "Open the dev outbox" }).click();
  await page
    .getByRole("link", { name: `Sign in as ${email}` })
    .first()
    .click();
  await expect(page).toHaveURL(/\/login\/confirm\?/);
  await expect(page.getByRole("heading", { level: 1, name: `Sign in as ${email}` })).toBeVisible();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/account\/orders$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
}
