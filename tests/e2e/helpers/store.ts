import { expect, type Page } from "@playwright/test";

/** The pay choices as shoppers read them: hosted checkout (redirect) and the embedded Pixel. */
export type PaymentMode = "Pay on Paymob's secure page" | "Pay here";

/** What a customer types on /checkout; no email when the session prefills it. */
export type Buyer = {
  email?: string;
  phone: string;
  firstName: string;
  lastName: string;
  street: string;
  city: string;
};

export const LAYLA: Buyer = {
  email: "layla@example.com",
  phone: "+20 101 234 5678",
  firstName: "Layla",
  lastName: "Hassan",
  street: "12 Tahrir Street",
  city: "Cairo",
};

/**
 * The storefront as one browser page uses it. `origin` is empty for Playwright's own server (baseURL), or the
 * address of another one (the `npm start` spec runs its own).
 */
export class Store {
  constructor(
    readonly page: Page,
    readonly origin = "",
  ) {}

  cartLink() {
    return this.page.getByRole("banner").getByRole("link", { name: /^Cart/ });
  }

  orderStatus() {
    return this.page.getByTestId("order-status");
  }

  timeline() {
    return this.page.getByTestId("payment-timeline");
  }

  /** One of a product, added from its page; waits for the cart's confirmation in the live region. */
  async addToCart(slug = "aswan-clay-mug") {
    await this.page.goto(`${this.origin}/products/${slug}`);
    await this.page.getByRole("button", { name: /^Add to cart/ }).click();
    await expect(this.page.getByRole("status")).toContainText("Your cart has");
  }

  /** Opens /checkout and types the buyer's details and payment mode; pressing Pay is left to the caller. */
  async fillCheckout(buyer: Buyer, mode: PaymentMode) {
    const page = this.page;
    await page.goto(`${this.origin}/checkout`);
    await expect(page.getByRole("heading", { level: 1, name: "Checkout" })).toBeVisible();
    if (buyer.email) await page.getByLabel("Email").fill(buyer.email);
    await page.getByLabel("Phone").fill(buyer.phone);
    await page.getByLabel("First name").fill(buyer.firstName);
    await page.getByLabel("Last name").fill(buyer.lastName);
    await page.getByLabel("Street").fill(buyer.street);
    await page.getByLabel("City").fill(buyer.city);
    await expect(page.getByLabel("Country")).toHaveValue("Egypt");
    await page.getByRole("radio", { name: new RegExp(`^${escapeRegExp(mode)}`) }).check();
  }

  /** The checkout's submit button, labelled with the amount ("Pay EGP 350.00"). */
  payButton() {
    return this.page.getByRole("button", { name: /^Pay\s/ });
  }

  async pay() {
    await this.payButton().click();
  }

  /** The return page shows the database's state, so this waits for the callback (or an inquiry) to land. */
  async waitForStatus(label: string, timeout = 20_000) {
    await expect(this.orderStatus()).toHaveText(label, { timeout });
  }
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
