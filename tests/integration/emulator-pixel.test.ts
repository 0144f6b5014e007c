import { describe, expect, it } from "vitest";
import { EMULATOR_HMAC_SECRET, EMULATOR_PUBLIC_KEY } from "@/lib/paymob/emulator-credentials";
import { verifyRedirect, verifyTransaction } from "@/lib/paymob/hmac";
import { useTestDb } from "../helpers/db";
import { createTestIntention, postForm, type CreatedIntention, useEmulatorHarness } from "../helpers/emulator-server";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb({ seed: false });

// The server side of Pixel: its assets, the card frame, the element endpoint it reads, and Paymob's Pay API with
// Paymob's own bodies (payment token + source; no client secret).
describe.skipIf(t.skipped)(`emulator Pixel endpoints and Pay API on ${testDbTarget()}`, () => {
  const h = useEmulatorHarness();

  const element = (i: CreatedIntention) =>
    fetch(`${h.emu.baseUrl}/v1/intention/element/${EMULATOR_PUBLIC_KEY}/${i.client_secret}/`);
  const keys = async (i: CreatedIntention) =>
    ((await (await element(i)).json()) as { payment_keys: { card: string; wallet: string } }).payment_keys;
  const post = (body: unknown) =>
    fetch(`${h.emu.baseUrl}/api/acceptance/payments/pay`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const cardSource = (identifier: string) => ({
    identifier,
    sourceholder_name: "Test Account",
    subtype: "CARD",
    expiry_month: "01",
    expiry_year: "39",
    cvn: "123",
  });
  const payCard = async (i: CreatedIntention, card: string, patch: Record<string, unknown> = {}) =>
    post({ payment_token: (await keys(i)).card, source: cardSource(card), ...patch });

  it("serves main.js (defining window.Pixel) and main.css, loadable cross-origin", async () => {
    const js = await fetch(`${h.emu.baseUrl}/pixel/main.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toMatch(/javascript/);
    expect(js.headers.get("access-control-allow-origin")).toBe("*");
    const source = await js.text();
    expect(source).toContain("window.Pixel = Pixel");
    expect(source).toContain("/iframe-card-v2/"); // one card frame for the emulator's Pixel and Paymob's
    expect(() => new Function(source)).not.toThrow(); // valid JavaScript
    expect((await fetch(`${h.emu.baseUrl}/pixel/main.css`)).headers.get("content-type")).toMatch(/text\/css/);
  });

  it("lets a merchant page on another origin read the element endpoint, as Pixel does", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    const res = await element(i);
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("takes Pixel's cross-origin JSON POST: a preflight, then an answer the merchant's page may read", async () => {
    const preflight = await fetch(`${h.emu.baseUrl}/api/acceptance/payments/pay`, {
      method: "OPTIONS",
      headers: { origin: "https://shop.test", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/content-type/);
    const i = await createTestIntention(h.emu, h.receiver.url);
    expect((await payCard(i, "4111111111111111")).headers.get("access-control-allow-origin")).toBe("*");
  });

  it("serves the CVV-only frame Pixel shows beside a saved card", async () => {
    const page = await (await fetch(`${h.emu.baseUrl}/iframe-card/?type=cvv`)).text();
    expect(page).toContain('name="cvv"');
    expect(page).toContain("selectedCardCVV");
    expect(page).not.toContain('name="card_number"');
  });

  it("serves the card frame at Pixel's paths, the same page for every payment (the token comes by postMessage)", async () => {
    for (const path of ["/iframe-card-v2/?type=card&v=2&integration_type=directPayment", "/iframe-card/?type=card"]) {
      const res = await fetch(`${h.emu.baseUrl}${path}`);
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(page).toContain('name="card_number"');
      expect(page).toContain('"isIframeLoaded"');
      expect(page).not.toMatch(/csk_|client_secret/);
    }
  });

  it("pays a card with Paymob's body alone: string booleans and a signed redirect, then refuses a second payment", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    const res = await payCard(i, "4111111111111111");
    expect(res.status).toBe(200);
    const data = (await res.json()) as Record<string, string>;
    expect(data).toMatchObject({
      success: "true",
      pending: "false",
      is_3d_secure: "false",
      order: String(i.intention_order_id),
      merchant_order_id: i.special_reference,
      "source_data.pan": "1111",
    });
    for (const value of Object.values(data)) expect(typeof value).toBe("string");
    expect(verifyRedirect(EMULATOR_HMAC_SECRET, new URL(data.redirection_url!).searchParams)).toBe(true);
    const ours = (c: { path: string }) => c.path === `/cb/${i.special_reference}`;
    const callback = (await h.receiver.waitFor((all) => all.some(ours))).find(ours);
    const obj = (callback!.json as { obj: { id: number; api_source: string } }).obj;
    expect(verifyTransaction(EMULATOR_HMAC_SECRET, obj, callback!.query.get("hmac"))).toBe(true);
    expect(obj).toMatchObject({ id: Number(data.id), api_source: "PIXEL" });
    const again = await payCard(i, "4111111111111111");
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual(["Order has already paid."]);
  });

  it('answers a declined card with 200 and success "false"', async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    const res = await payCard(i, "4000000000000002");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ success: "false", pending: "false", is_3d_secure: "false" });
  });

  it("sends 3-D Secure cards to the emulated ACS page, which ends at redirection_url", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    const data = (await (await payCard(i, "5123450000000008")).json()) as Record<string, string>;
    expect(data).toMatchObject({ is_3d_secure: "true", pending: "true", success: "false" });
    const acs = new URL(data.redirection_url!);
    expect(acs.pathname).toMatch(/\/acs\/\d+\/$/);
    const done = await postForm(`${acs.origin}${acs.pathname}`, {
      token: acs.searchParams.get("token")!,
      otp: "123456",
    });
    expect(done.status).toBe(303);
    const q = new URL(done.headers.get("location")!).searchParams;
    expect([q.get("success"), q.get("is_3d_secure")]).toEqual(["true", "true"]);
  });

  it("pays a wallet by phone number: pending, with the wallet page as redirect_url and iframe_redirection_url", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    const res = await post({
      payment_token: (await keys(i)).wallet,
      source: { identifier: "01010101010", subtype: "WALLET" },
    });
    expect(res.status).toBe(200);
    const data = (await res.json()) as Record<string, string>;
    expect(data).toMatchObject({ pending: "true", success: "false", is_3d_secure: "false" });
    expect(data.iframe_redirection_url).toBe(data.redirect_url);
    const page = new URL(data.redirect_url!);
    expect(page.pathname).toMatch(/\/acs\/\d+\/$/);
    const done = await postForm(`${page.origin}${page.pathname}`, {
      token: page.searchParams.get("token")!,
      mpin: "123456",
      otp: "123456",
    });
    expect(new URL(done.headers.get("location")!).searchParams.get("success")).toBe("true");
  });

  it("answers what Pixel recognises when the body or the token is wrong", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    const { card, wallet } = await keys(i);
    const sessionError = { message: "Session Error" };
    // No envelope, an unknown subtype, a card body missing its fields, a token of the other integration.
    for (const body of [
      { source: cardSource("4111111111111111") },
      { payment_token: card, source: { identifier: "x", subtype: "CASH" } },
      { payment_token: card, source: { identifier: "4111111111111111", subtype: "CARD" } },
      { payment_token: wallet, source: cardSource("4111111111111111") },
      { payment_token: card, source: { identifier: "01010101010", subtype: "WALLET" } },
    ]) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await res.json()).toEqual(sessionError);
    }
    const forged = await post({ payment_token: "ZXlKZm9yZ2VkIn0=", source: cardSource("4111111111111111") });
    expect(forged.status).toBe(401);
    const bad = await payCard(i, "4111111111111112");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ source: { identifier: ["Enter a valid card number."] } });
    const badWallet = await post({ payment_token: wallet, source: { identifier: "123", subtype: "WALLET" } });
    expect(badWallet.status).toBe(400);
  });

  it("leaves saved-card (TOKEN) payments to their own handler: a session error until it is wired", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    const res = await post({
      payment_token: (await keys(i)).card,
      source: { identifier: "a".repeat(46), subtype: "TOKEN", cvn: "123" },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ message: "Session Error" });
  });
});
