import { describe, expect, it } from "vitest";
import {
  EMULATOR_HMAC_SECRET,
  EMULATOR_MOTO_INTEGRATION,
  EMULATOR_PUBLIC_KEY,
} from "@/lib/paymob/emulator-credentials";
import { orderCardTokens, payWithSavedCard } from "@/lib/paymob/card-tokens";
import { loadPaymobConfig } from "@/lib/paymob/config";
import { verifyRedirect, verifyTransaction } from "@/lib/paymob/hmac";
import { clearAuthTokenCache } from "@/lib/paymob/transactions";
import { useTestDb } from "../helpers/db";
import {
  createTestIntention,
  payByCard,
  postForm,
  useEmulatorHarness,
  type CreatedIntention,
} from "../helpers/emulator-server";
import { testDbTarget } from "../helpers/test-db-target";

// Saved cards in the emulator (docs/paymob.md § "Saved cards"): the TOKEN a payment saves is offered again through
// an intention's card_tokens, on the hosted page and the element endpoint Pixel reads, and pays with the CVV only;
// a MOTO integration pays with it without one. order_card_tokens lists what an order saved.

const t = useTestDb({ seed: false });

type TokenObj = { token: string; masked_pan: string; card_subtype: string; order_id: string };
type Tx = { success: boolean; source_data: { pan: string; sub_type: string }; order: { id: number } };

describe.skipIf(t.skipped)(`emulator saved cards on ${testDbTarget()}`, () => {
  const h = useEmulatorHarness();

  const callbacksFor = (intention: CreatedIntention) =>
    h.receiver.received.filter((c) => c.path === `/cb/${intention.special_reference}`);
  const waitCallbacks = (intention: CreatedIntention, n: number) =>
    h.receiver.waitFor(() => callbacksFor(intention).length >= n).then(() => callbacksFor(intention));

  /** Pays with a test card, ticking "save card"; returns the TOKEN callback's obj. */
  async function saveCard(card = "5123456789012346"): Promise<{ intention: CreatedIntention; token: TokenObj }> {
    const intention = await createTestIntention(h.emu, h.receiver.url);
    expect((await payByCard(h.emu, intention, card, { save_card: "1" })).status).toBe(303);
    const token = (await waitCallbacks(intention, 2)).find((c) => (c.json as { type: string }).type === "TOKEN")!;
    return { intention, token: (token.json as { obj: TokenObj }).obj };
  }

  const payWithSaved = (intention: CreatedIntention, fields: Record<string, string>) =>
    postForm(`${h.emu.baseUrl}/unifiedcheckout/pay`, {
      publicKey: EMULATOR_PUBLIC_KEY,
      clientSecret: intention.client_secret,
      method: "saved_card",
      ...fields,
    });

  const hostedPage = async (intention: CreatedIntention) =>
    (
      await fetch(
        `${h.emu.baseUrl}/unifiedcheckout/?publicKey=${EMULATOR_PUBLIC_KEY}&clientSecret=${intention.client_secret}`,
      )
    ).text();

  it("lists the intention's saved cards in the element answer, shaped as Pixel reads them", async () => {
    const { token } = await saveCard();
    const next = await createTestIntention(h.emu, h.receiver.url, { card_tokens: [token.token] });
    const element = await fetch(`${h.emu.baseUrl}/v1/intention/element/${EMULATOR_PUBLIC_KEY}/${next.client_secret}/`);
    expect((await element.json()).card_tokens).toEqual([
      {
        card_subtype: "MasterCard",
        token: token.token,
        masked_pan: "xxxx-xxxx-xxxx-2346",
        card_expired: false,
        has_discount: false,
        network_token: false,
        vts_content: null,
      },
    ]);
  });

  it("the hosted page lists the saved card and pays with the CVV only", async () => {
    const { token } = await saveCard();
    const next = await createTestIntention(h.emu, h.receiver.url, { card_tokens: [token.token] });
    const page = await hostedPage(next);
    expect(page).toContain("Pay with a saved card");
    expect(page).toContain("xxxx-xxxx-xxxx-2346");

    const missingCvv = await payWithSaved(next, { card_token: token.token });
    expect(missingCvv.status).toBe(422);
    expect(await missingCvv.text()).toContain("security code");

    const res = await payWithSaved(next, { card_token: token.token, cvv: "123" });
    expect(res.status).toBe(303);
    const query = new URL(res.headers.get("location")!).searchParams;
    expect(verifyRedirect(EMULATOR_HMAC_SECRET, query)).toBe(true);
    expect([query.get("success"), query.get("source_data.pan"), query.get("source_data.sub_type")]).toEqual([
      "true",
      "2346",
      "MasterCard",
    ]);
    const [callback] = await waitCallbacks(next, 1);
    const obj = (callback!.json as { obj: Tx }).obj;
    expect(verifyTransaction(EMULATOR_HMAC_SECRET, obj, callback!.query.get("hmac"))).toBe(true);
    expect(obj).toMatchObject({ success: true, source_data: { pan: "2346", sub_type: "MasterCard" } });
  });

  it("offers no saved card the intention did not list, and refuses one posted anyway", async () => {
    const { token } = await saveCard();
    const plain = await createTestIntention(h.emu, h.receiver.url);
    expect(await hostedPage(plain)).not.toContain("Pay with a saved card");
    const res = await payWithSaved(plain, { card_token: token.token, cvv: "123" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Saved card unavailable");
  });

  it("refuses a token it never issued, even when the intention lists it; a Visa pays as a Visa", async () => {
    const { token } = await saveCard("4111111111111111");
    const next = await createTestIntention(h.emu, h.receiver.url, { card_tokens: [token.token, "made-up"] });
    expect((await payWithSaved(next, { card_token: "made-up", cvv: "123" })).status).toBe(400);
    const res = await payWithSaved(next, { card_token: token.token, cvv: "123" });
    expect(new URL(res.headers.get("location")!).searchParams.get("source_data.sub_type")).toBe("Visa");
  });

  it("takes Pixel's saved-card pay body (TOKEN + cvn) and answers with string booleans and a redirection_url", async () => {
    const { token } = await saveCard();
    const next = await createTestIntention(h.emu, h.receiver.url, { card_tokens: [token.token] });
    const element = await (
      await fetch(`${h.emu.baseUrl}/v1/intention/element/${EMULATOR_PUBLIC_KEY}/${next.client_secret}/`)
    ).json();
    const pay = (source: Record<string, unknown>) =>
      fetch(`${h.emu.baseUrl}/api/acceptance/payments/pay`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          source: { identifier: token.token, subtype: "TOKEN", unified_checkout: "False", ...source },
          payment_token: element.payment_keys.card,
          unified_checkout: "False",
          api_source: "PIXEL",
        }),
      });

    const noCvv = await pay({});
    expect(noCvv.status).toBe(400);
    expect(await noCvv.json()).toEqual({ message: "Session Error" });

    const res = await pay({ cvn: "123" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ success: "true", pending: "false", "source_data.pan": "2346" });
    expect(body.redirection_url).toMatch(/^https:\/\/shop\.test\/checkout\/return\?/);
  });

  it("charges a saved card through a MOTO integration without a CVV, and lists an order's tokens (client)", async () => {
    const { intention: first, token } = await saveCard();
    const config = loadPaymobConfig({ APP_URL: h.emu.origin });
    clearAuthTokenCache();

    const listed = await orderCardTokens(config, first.intention_order_id);
    expect(listed).toEqual([
      expect.objectContaining({
        token: token.token,
        maskedPan: "xxxx-xxxx-xxxx-2346",
        cardSubtype: "MasterCard",
        paymobOrderId: first.intention_order_id,
      }),
    ]);

    const moto = (await createTestIntention(h.emu, h.receiver.url, {
      payment_methods: [EMULATOR_MOTO_INTEGRATION.integration_id],
    })) as CreatedIntention & { payment_keys: { integration: number; key: string }[] };
    const paymentKey = moto.payment_keys[0]!.key;
    const result = await payWithSavedCard(config, { paymentKey, token: token.token });
    expect(result).toMatchObject({ success: true, pending: false, message: "Approved" });
    const [callback] = await waitCallbacks(moto, 1);
    expect((callback!.json as { obj: Tx }).obj).toMatchObject({
      success: true,
      order: { id: moto.intention_order_id },
    });

    // A token the emulator never issued is not charged.
    const other = (await createTestIntention(h.emu, h.receiver.url, {
      payment_methods: [EMULATOR_MOTO_INTEGRATION.integration_id],
    })) as typeof moto;
    await expect(
      payWithSavedCard(config, { paymentKey: other.payment_keys[0]!.key, token: "made-up" }),
    ).rejects.toThrow();
  });
});
