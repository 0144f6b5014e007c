import { describe, expect, it } from "vitest";
import { EMULATOR_HMAC_SECRET, EMULATOR_PUBLIC_KEY } from "@/lib/paymob/emulator-credentials";
import { verifyRedirect, verifyTransaction } from "@/lib/paymob/hmac";
import { useTestDb } from "../helpers/db";
import { createTestIntention, postForm, type CreatedIntention, useEmulatorHarness } from "../helpers/emulator-server";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb({ seed: false });

// The server side of the Pixel-compatible embed: assets, the card iframe, and the Pay API it calls.
describe.skipIf(t.skipped)(`emulator Pixel endpoints on ${testDbTarget()}`, () => {
  const h = useEmulatorHarness();

  const cardKey = async (i: CreatedIntention) => {
    const el = (await (
      await fetch(`${h.emu.baseUrl}/v1/intention/element/${EMULATOR_PUBLIC_KEY}/${i.client_secret}/`)
    ).json()) as { payment_keys: { card: string } };
    return el.payment_keys.card;
  };
  const pay = async (i: CreatedIntention, card: string, patch: Record<string, unknown> = {}) =>
    fetch(`${h.emu.baseUrl}/api/acceptance/payments/pay`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        client_secret: i.client_secret,
        payment_token: await cardKey(i),
        api_source: "PIXEL",
        source: {
          identifier: card,
          sourceholder_name: "Test Account",
          subtype: "CARD",
          expiry_month: "01",
          expiry_year: "39",
          cvn: "123",
        },
        ...patch,
      }),
    });

  it("serves main.js (defining window.Pixel) and main.css, loadable cross-origin", async () => {
    const js = await fetch(`${h.emu.baseUrl}/pixel/main.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toMatch(/javascript/);
    expect(js.headers.get("access-control-allow-origin")).toBe("*");
    const source = await js.text();
    expect(source).toContain("window.Pixel = Pixel");
    expect(() => new Function(source)).not.toThrow(); // valid JavaScript
    expect((await fetch(`${h.emu.baseUrl}/pixel/main.css`)).headers.get("content-type")).toMatch(/text\/css/);
  });

  it("renders the card iframe only for a known intention and a proper parent origin", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    const url = (parentOrigin: string, secret = i.client_secret) =>
      `${h.emu.baseUrl}/pixel/iframe-card/?publicKey=${EMULATOR_PUBLIC_KEY}&clientSecret=${secret}&showSaveCard=1&parentOrigin=${encodeURIComponent(parentOrigin)}`;
    const ok = await fetch(url("https://shop.test"));
    expect(ok.status).toBe(200);
    const page = await ok.text();
    expect(page).toContain('name="card_number"');
    expect(page).toContain('name="save_card"');
    expect(page).toContain('"parentOrigin":"https://shop.test"');
    expect((await fetch(url("https://shop.test/path"))).status).toBe(404);
    expect((await fetch(url("javascript:alert(1)"))).status).toBe(404);
    expect((await fetch(url("https://shop.test", "egy_csk_test_nope"))).status).toBe(404);
  });

  it("answers a non-3-DS payment like Paymob's Pay API: string booleans and a signed redirect", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    const res = await pay(i, "4111111111111111");
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
    const [callback] = await h.receiver.waitFor((all) => all.some((c) => c.path === `/cb/${i.special_reference}`));
    const obj = (callback!.json as { obj: { id: number; api_source: string } }).obj;
    expect(verifyTransaction(EMULATOR_HMAC_SECRET, obj, callback!.query.get("hmac"))).toBe(true);
    expect(obj).toMatchObject({ id: Number(data.id), api_source: "PIXEL" });
    expect(await (await pay(i, "4111111111111111")).json()).toEqual({ message: "Order has already paid." });
  });

  it("sends 3-D Secure cards to the emulated ACS page, which ends at redirection_url", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    const data = (await (await pay(i, "5123450000000008")).json()) as Record<string, string>;
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

  it("rejects a forged payment token and invalid card data", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    expect((await pay(i, "4111111111111111", { payment_token: "ZXlKZm9yZ2VkIn0=" })).status).toBe(401);
    const other = await createTestIntention(h.emu, h.receiver.url);
    expect((await pay(i, "4111111111111111", { payment_token: await cardKey(other) })).status).toBe(401);
    const bad = await pay(i, "4111111111111112");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ message: "Enter a valid card number." });
  });
});
