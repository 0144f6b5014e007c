import { describe, expect, it } from "vitest";
import { EMULATOR_PUBLIC_KEY } from "@/lib/paymob/emulator-credentials";
import { useTestDb } from "../helpers/db";
import { createTestIntention, payByCard, type CreatedIntention, useEmulatorHarness } from "../helpers/emulator-server";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb({ seed: false });

// The emulator's pages in the customer's language (docs/paymob.md § "Language"): no parameter from the merchant
// (Paymob documents none); the hosted page follows the browser and its own switch, and the 3-D Secure page the
// language the customer paid in. English, with no Arabic in the browser's list, stays exactly as before.

const ARABIC_BROWSER = "ar-EG,ar;q=0.9,en;q=0.8";

/** The opening tag of the element with this id, to read its attributes. */
const tagOf = (page: string, id: string) => new RegExp(`<[a-z]+[^>]*\\bid="${id}"[^>]*>`).exec(page)?.[0] ?? "";

describe.skipIf(t.skipped)(`emulator pages in Arabic and English on ${testDbTarget()}`, () => {
  const h = useEmulatorHarness();

  const checkoutUrl = (i: CreatedIntention) =>
    `${h.emu.baseUrl}/unifiedcheckout/?publicKey=${EMULATOR_PUBLIC_KEY}&clientSecret=${i.client_secret}`;
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await fetch(url, { headers });
    return { status: res.status, page: await res.text() };
  };
  const payAsArabicBrowser = (i: CreatedIntention, card: string, extra: Record<string, string> = {}) =>
    fetch(`${h.emu.baseUrl}/unifiedcheckout/pay`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "accept-language": ARABIC_BROWSER },
      body: new URLSearchParams({
        publicKey: EMULATOR_PUBLIC_KEY,
        clientSecret: i.client_secret,
        method: "card",
        card_number: card,
        card_name: "Test Account",
        expiry: "01/39",
        cvv: "123",
        ...extra,
      }).toString(),
      redirect: "manual",
    });

  it("keeps the hosted checkout in English, left to right, for a browser that does not ask for Arabic", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    const browsers: Record<string, string>[] = [
      {},
      { "accept-language": "en-GB,en;q=0.9" },
      { "accept-language": "fr-FR,fr" },
    ];
    for (const headers of browsers) {
      const { status, page } = await get(checkoutUrl(i), headers);
      expect(status).toBe(200);
      expect(page).toContain('<html lang="en" dir="ltr">');
      expect(page).toContain("Pay by card");
      expect(page).toContain("Card number");
      expect(page).toContain("TEST EMULATOR");
      expect(page).toContain("العربية"); // the way to Arabic
      expect(page).not.toContain("الدفع بالبطاقة");
    }
  });

  it("renders the hosted checkout in Arabic, right to left, for an Arabic browser; card fields stay left to right", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    const { status, page } = await get(checkoutUrl(i), { "accept-language": ARABIC_BROWSER });
    expect(status).toBe(200);
    expect(page).toContain('<html lang="ar" dir="rtl">');
    for (const text of ["الدفع بالبطاقة", "رقم البطاقة", "الاسم على البطاقة", "رمز الأمان (CVV)", "محاكي اختبار"])
      expect(page).toContain(text);
    expect(page).toMatch(/ادفع EGP\s?350\.00/);
    expect(page).not.toContain("Pay by card");
    for (const id of ["card_number", "expiry", "cvv", "wallet_number"]) expect(tagOf(page, id)).toContain('dir="ltr"');
    expect(page).toContain(">English<"); // the way back
  });

  it("answers a mistyped card in Arabic on the Arabic page", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    const res = await payAsArabicBrowser(i, "4111111111111112");
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page).toContain("أدخل رقم بطاقة صحيحًا.");
    // English browsers still get the English wording.
    const english = await payByCard(h.emu, i, "4111111111111112");
    expect(await english.text()).toContain("Enter a valid card number.");
  });

  it("carries Arabic from the hosted page to the 3-D Secure page, which still approves with the OTP", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    const challenge = await payAsArabicBrowser(i, "5123450000000008");
    expect(challenge.status).toBe(303);
    const acsUrl = challenge.headers.get("location")!;
    expect(new URL(acsUrl).searchParams.get("lang")).toBe("ar");
    // The language rides on the link: an English browser opening it still sees the page the payment started in.
    const { page } = await get(acsUrl, { "accept-language": "en" });
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page).toContain("رمز التحقق المؤقت");
    expect(page).toContain("تأكيد");
    expect(tagOf(page, "otp")).toContain('dir="ltr"');
    const action = /<form[^>]* action="([^"]+)"/.exec(page)![1]!.replaceAll("&amp;", "&");
    expect(new URL(action).searchParams.get("lang")).toBe("ar");
    const token = /name="token" value="([0-9a-f]+)"/.exec(page)![1]!;
    const done = await fetch(action, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token, otp: "123456" }).toString(),
      redirect: "manual",
    });
    expect(done.status).toBe(303);
    expect(new URL(done.headers.get("location")!).searchParams.get("success")).toBe("true");
  });

  it("keeps the English 3-D Secure link and page as they were", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    const acsUrl = (await payByCard(h.emu, i, "5123450000000008")).headers.get("location")!;
    expect(acsUrl).toMatch(/\/acs\/\d+\/\?token=[0-9a-f]{32}$/);
    const { page } = await get(acsUrl);
    expect(page).toContain('<html lang="en" dir="ltr">');
    expect(page).toContain("One-time password");
  });

  it("switches language with the page's own button, remembered for the emulator's pages only", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    const mount = new URL(h.emu.baseUrl).pathname;
    const back = new URL(checkoutUrl(i));
    const switched = await fetch(`${h.emu.baseUrl}/_emulator/language`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ lang: "ar", back: `${back.pathname}${back.search}` }).toString(),
      redirect: "manual",
    });
    expect(switched.status).toBe(303);
    expect(switched.headers.get("location")).toBe(back.toString());
    const cookie = switched.headers.get("set-cookie")!;
    expect(cookie).toContain("paymob_emu_lang=ar");
    expect(cookie).toContain(`Path=${mount}`);
    // The choice beats the browser's language.
    const { page } = await get(checkoutUrl(i), { cookie: "paymob_emu_lang=ar", "accept-language": "en" });
    expect(page).toContain('<html lang="ar" dir="rtl">');
    // `back` can only lead to the emulator's own pages.
    for (const elsewhere of ["https://evil.test/steal", "/checkout", "//evil.test/x"]) {
      const res = await fetch(`${h.emu.baseUrl}/_emulator/language`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ lang: "en", back: elsewhere }).toString(),
        redirect: "manual",
      });
      expect(new URL(res.headers.get("location")!).href).toBe(new URL(h.emu.baseUrl).href);
    }
  });

  it("sends a Pixel payment to an Arabic 3-D Secure page when the card frame pays in Arabic", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    const element = await fetch(`${h.emu.baseUrl}/v1/intention/element/${EMULATOR_PUBLIC_KEY}/${i.client_secret}/`);
    const token = ((await element.json()) as { payment_keys: { card: string } }).payment_keys.card;
    const pay = (language: string) =>
      fetch(`${h.emu.baseUrl}/api/acceptance/payments/pay`, {
        method: "POST",
        headers: { "content-type": "application/json", "accept-language": language },
        body: JSON.stringify({
          payment_token: token,
          source: {
            identifier: "5123450000000008",
            sourceholder_name: "Test Account",
            subtype: "CARD",
            expiry_month: "01",
            expiry_year: "39",
            cvn: "123",
          },
        }),
      });
    const arabic = (await (await pay("ar")).json()) as { redirection_url: string; is_3d_secure: string };
    expect(arabic.is_3d_secure).toBe("true");
    expect(new URL(arabic.redirection_url).searchParams.get("lang")).toBe("ar");
    expect((await get(arabic.redirection_url)).page).toContain('<html lang="ar" dir="rtl">');

    const other = await createTestIntention(h.emu, h.receiver.url);
    const otherToken = (
      (await (
        await fetch(`${h.emu.baseUrl}/v1/intention/element/${EMULATOR_PUBLIC_KEY}/${other.client_secret}/`)
      ).json()) as { payment_keys: { card: string } }
    ).payment_keys.card;
    const english = await fetch(`${h.emu.baseUrl}/api/acceptance/payments/pay`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "en" },
      body: JSON.stringify({
        payment_token: otherToken,
        source: {
          identifier: "5123450000000008",
          sourceholder_name: "Test Account",
          subtype: "CARD",
          expiry_month: "01",
          expiry_year: "39",
          cvn: "123",
        },
      }),
    });
    const url = ((await english.json()) as { redirection_url: string }).redirection_url;
    expect(url).toMatch(/\/acs\/\d+\/\?token=[0-9a-f]{32}$/);
  });

  it("serves a card frame that can speak Arabic: its words are in the page, and it pays in its language", async () => {
    const page = (await get(`${h.emu.baseUrl}/iframe-card-v2/?type=card&v=2&integration_type=directPayment`)).page;
    expect(page).toContain('<html lang="en">'); // until Pixel's customStyles say otherwise
    for (const id of ["card_number", "expiry", "cvv"]) expect(tagOf(page, id)).toContain('dir="ltr"');
    expect(page).toContain("الاسم على البطاقة");
    expect(page).toContain('"accept-language": state.language');
  });

  it("refuses in the customer's language: a paid order, an unknown payment, a finished 3-D Secure step", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    expect((await payAsArabicBrowser(i, "5123456789012346")).status).toBe(303);

    const again = await payAsArabicBrowser(i, "5123456789012346");
    expect(again.status).toBe(409);
    const paid = await again.text();
    expect(paid).toContain('<html lang="ar" dir="rtl">');
    expect(paid).toContain("تم الدفع مسبقًا");
    expect(paid).not.toContain("Already paid");

    const shown = await get(checkoutUrl(i), { "accept-language": ARABIC_BROWSER });
    expect(shown.status).toBe(409);
    expect(shown.page).toContain("دُفع هذا الطلب من قبل");

    const unknown = await get(`${h.emu.baseUrl}/unifiedcheckout/?publicKey=${EMULATOR_PUBLIC_KEY}&clientSecret=nope`, {
      "accept-language": ARABIC_BROWSER,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.page).toContain("عملية الدفع غير موجودة");

    // The same refusals stay English for an English browser.
    const english = await get(checkoutUrl(i), { "accept-language": "en-GB" });
    expect(english.page).toContain("Already paid");
    expect(english.page).toContain('<html lang="en" dir="ltr">');
  });
});
