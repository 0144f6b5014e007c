import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CARD, payOnHostedPage } from "./helpers/emulator-pages";
import { LAYLA } from "./helpers/store";
import { SEED_CATEGORIES, SEED_PRODUCTS } from "../../db/seed-data";

// What search engines and link previews read (sitemap, robots.txt, schema.org data, Open Graph images), and the
// pages at a phone's width. The server's APP_URL is http://localhost:<port> (scripts/app-server.mjs); the
// crawler-facing requests below go to 127.0.0.1 instead, so an answer built from the request's Host header
// would show up as the wrong origin.

const port = () => Number(process.env.E2E_PORT);
const appOrigin = () => `http://localhost:${port()}`;
const otherHost = () => `http://127.0.0.1:${port()}`;

test("the sitemap lists the home page, every stocked category and every product on APP_URL's origin", async ({
  request,
}) => {
  const res = await request.get(`${otherHost()}/sitemap.xml`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("xml");
  const locs = [...(await res.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  const stocked = SEED_CATEGORIES.filter((c) => SEED_PRODUCTS.some((p) => p.category === c.slug));
  expect(stocked.length).toBeLessThan(SEED_CATEGORIES.length); // the seed keeps one shelf empty: it stays out
  // Every page in English (bare paths), then the same pages in Arabic under /ar.
  const paths = [
    "/",
    ...stocked.map((c) => `/categories/${c.slug}`),
    ...SEED_PRODUCTS.map((p) => `/products/${p.slug}`),
  ];
  expect(locs).toEqual([
    ...paths.map((path) => `${appOrigin()}${path}`),
    ...paths.map((path) => `${appOrigin()}/ar${path === "/" ? "" : path}`),
  ]);
});

test("robots.txt keeps crawlers out of private pages and points at the sitemap", async ({ request }) => {
  const res = await request.get(`${otherHost()}/robots.txt`);
  expect(res.status()).toBe(200);
  const text = await res.text();
  for (const path of ["/admin", "/account", "/checkout", "/api", "/paymob-emulator", "/dev"])
    expect(text).toContain(`Disallow: ${path}\n`);
  expect(text).toContain(`Sitemap: ${appOrigin()}/sitemap.xml`);
});

test("a product page carries schema.org Product data and absolute share images", async ({ page, request }) => {
  await page.goto(`${otherHost()}/products/aswan-clay-mug`);
  const scripts = page.locator('script[type="application/ld+json"]');
  await expect(scripts).toHaveCount(1);
  const data = JSON.parse((await scripts.textContent())!);
  expect(data).toMatchObject({
    "@context": "https://schema.org",
    "@type": "Product",
    name: "Aswan Clay Mug",
    sku: "aswan-clay-mug",
    url: `${appOrigin()}/products/aswan-clay-mug`,
    offers: {
      "@type": "Offer",
      price: "350.00",
      priceCurrency: "EGP",
      availability: "https://schema.org/InStock",
    },
  });
  expect(data.description).toEqual(expect.any(String));
  expect(data.image[0]).toBe(`${appOrigin()}/products/aswan-clay-mug.svg`);

  const meta = (selector: string) => page.locator(`head meta[${selector}]`).getAttribute("content");
  expect(await meta('name="twitter:card"')).toBe("summary_large_image");
  expect(await meta('property="og:title"')).toBe("Aswan Clay Mug");
  expect(await page.locator('head link[rel="canonical"]').getAttribute("href")).toBe(
    `${appOrigin()}/products/aswan-clay-mug`,
  );
  const ogImage = (await meta('property="og:image"'))!;
  // The share image is a file of the [locale] route, so its address names the language (en for the bare paths).
  expect(ogImage.startsWith(`${appOrigin()}/en/products/aswan-clay-mug/opengraph-image`)).toBe(true);
  expect(await meta('name="twitter:image"')).toBe(ogImage);

  const image = await request.get(ogImage);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  expect((await image.body()).subarray(1, 4).toString()).toBe("PNG");
});

test("the home page shares the store's own image, and an unknown product has none", async ({ page, request }) => {
  await page.goto("/");
  const ogImage = (await page.locator('head meta[property="og:image"]').getAttribute("content"))!;
  expect(ogImage.startsWith(`${appOrigin()}/en/opengraph-image`)).toBe(true);
  const image = await request.get(ogImage);
  expect(image.headers()["content-type"]).toBe("image/png");
  expect((await request.get("/products/no-such-thing/opengraph-image")).status()).toBe(404);
});

test.describe("at a phone's width (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  async function expectNoHorizontalOverflow(page: Page) {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${page.url()} is ${width}px wide`).toBeLessThanOrEqual(390);
  }

  test("no page scrolls sideways: catalog, 404, cart, checkout, Paymob's hosted page, return", async ({
    page,
    store,
  }) => {
    for (const path of ["/", "/products/aswan-clay-mug", "/products/no-such-thing", "/cart", "/checkout"]) {
      await page.goto(path);
      await expectNoHorizontalOverflow(page);
    }
    await store.addToCart();
    await page.goto("/cart");
    await expectNoHorizontalOverflow(page);
    await store.fillCheckout(LAYLA, "Pay on Paymob's secure page");
    await expectNoHorizontalOverflow(page);
    await store.pay();
    await expect(page).toHaveURL(/\/paymob-emulator\/unifiedcheckout\//);
    await expectNoHorizontalOverflow(page);
    await expect(page.locator('head link[rel="icon"]')).toHaveAttribute("href", /^data:image\/svg\+xml,/);
    await payOnHostedPage(page, CARD.approved);
    await store.waitForStatus("Paid");
    await expectNoHorizontalOverflow(page);
    await page.goto("/paymob-emulator/");
    await expectNoHorizontalOverflow(page);
  });
});
