import { expect, test } from "./fixtures";

// Two languages on one set of pages (docs/architecture.md, Languages): /ar/… is Arabic and right-to-left, a bare
// path English; Accept-Language decides a first visit, the switcher's NEXT_LOCALE cookie every visit after it.
// Playwright's Desktop Chrome sends Accept-Language en-US unless a test says otherwise.

const PRODUCT = "/products/aswan-clay-mug";
// The header's switcher as shown: on a phone it sits in the menu, from `sm` up in the bar (one of the two is hidden).
const switcher = (page: import("@playwright/test").Page) =>
  page.getByRole("banner").locator("a[hreflang]").locator("visible=true");

test("the Arabic pages are Arabic and right-to-left, the English ones left-to-right", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  // Opening an Arabic page remembers Arabic (next-intl's NEXT_LOCALE cookie), so English is checked first.
  await page.goto("/ar");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page).toHaveTitle(/مستلزمات البيت المصري/);
});

test("the switcher goes to the same page and query in the other language, and back", async ({ page }) => {
  await page.goto(`${PRODUCT}?ref=share&tag=a&tag=b`);
  await expect(switcher(page)).toHaveText("العربية");
  await expect(switcher(page)).toHaveAttribute("hreflang", "ar");
  await expect(switcher(page)).toHaveAttribute("lang", "ar");
  await switcher(page).click();
  await expect(page).toHaveURL(`/ar${PRODUCT}?ref=share&tag=a&tag=b`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");

  await expect(switcher(page)).toHaveText("English");
  await expect(switcher(page)).toHaveAttribute("hreflang", "en");
  await switcher(page).click();
  await expect(page).toHaveURL(`${PRODUCT}?ref=share&tag=a&tag=b`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the switcher is a link that works on its own", async ({ page }) => {
    await page.goto("/categories/kitchen?sort=price-asc");
    await switcher(page).click();
    await expect(page).toHaveURL("/ar/categories/kitchen?sort=price-asc");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  });
});

test.describe("a first visit from an Arabic browser", () => {
  test.use({ locale: "ar-EG", extraHTTPHeaders: { "accept-language": "ar-EG,ar;q=0.9,en;q=0.5" } });

  test("lands on /ar, and once English is chosen the cookie keeps it English", async ({ page, context }) => {
    await page.goto(PRODUCT);
    await expect(page).toHaveURL(`/ar${PRODUCT}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await page.goto("/");
    await expect(page).toHaveURL(/\/ar$/);

    await switcher(page).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect((await context.cookies()).find((c) => c.name === "NEXT_LOCALE")?.value).toBe("en");

    // Accept-Language still says Arabic; the shopper's choice wins.
    await page.goto(PRODUCT);
    await expect(page).toHaveURL(PRODUCT);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});

test("/en/… redirects to the bare English path", async ({ request }) => {
  const res = await request.get("/en/cart", { maxRedirects: 0 });
  expect(res.status()).toBeGreaterThanOrEqual(300);
  expect(res.status()).toBeLessThan(400);
  expect(new URL(res.headers()["location"]!, "http://x").pathname).toBe("/cart");
  // Every answer carries the Content-Security-Policy, redirects included.
  expect(res.headers()["content-security-policy"]).toContain("script-src");
});

test("a signed-out visitor of /ar/account goes to the Arabic login page, and comes back there", async ({ page }) => {
  await page.goto("/ar/account/orders?page=2");
  await expect(page).toHaveURL("/ar/login?callbackUrl=%2Far%2Faccount%2Forders%3Fpage%3D2");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
});

test("an unknown page is a 404 in its own language", async ({ page }) => {
  for (const [path, lang] of [
    ["/no-such-page", "en"],
    ["/ar/no-such-page", "ar"],
  ] as const) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
  }
});

test("the Paymob emulator is never sent to a language", async ({ request }) => {
  const variants: Record<string, string>[] = [
    {},
    { "accept-language": "ar-EG,ar;q=0.9" },
    { cookie: "NEXT_LOCALE=ar" },
  ];
  for (const headers of variants) {
    const res = await request.get("/paymob-emulator/unifiedcheckout/", { headers, maxRedirects: 0 });
    expect(res.status(), JSON.stringify(headers)).not.toBe(307);
    expect(res.headers()["location"]).toBeUndefined();
    expect(res.url()).not.toContain("/ar/");
  }
  const robots = await request.get("/robots.txt", { headers: { "accept-language": "ar" }, maxRedirects: 0 });
  expect(robots.status()).toBe(200);
});

test("the sitemap lists the Arabic pages with their English twins", async ({ request }) => {
  const xml = await (await request.get("/sitemap.xml")).text();
  expect(xml).toMatch(/<loc>[^<]*\/ar\/products\/aswan-clay-mug<\/loc>/);
  expect(xml).toContain('hreflang="ar"');
});

test("an Arabic product page names its canonical and both languages", async ({ page }) => {
  await page.goto(`/ar${PRODUCT}`);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/ar${PRODUCT}$`));
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute(
    "href",
    new RegExp(`[^r]${PRODUCT}$`),
  );
  await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveCount(1);
});
