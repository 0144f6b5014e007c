import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMULATOR_INTEGRATIONS, EMULATOR_PUBLIC_KEY, EMULATOR_SECRET_KEY } from "@/lib/paymob/emulator-credentials";
import { useTestDb } from "../helpers/db";
import { startEmulatorServer, type EmulatorServer } from "../helpers/emulator-server";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb({ seed: false });

const billing = { first_name: "Nour", last_name: "Hassan", email: "nour@example.com", phone_number: "+201000000001" };
const validBody = (patch: Record<string, unknown> = {}) => ({
  amount: 35_000,
  currency: "EGP",
  payment_methods: [EMULATOR_INTEGRATIONS[0].integration_id, "wallet"],
  items: [{ name: "Aswan clay mug", amount: 35_000, quantity: 1, description: "Handmade" }],
  billing_data: billing,
  extras: { cart: "abc" },
  special_reference: `ORD-${Math.random().toString(36).slice(2)}`,
  notification_url: "http://127.0.0.1:9/callback",
  redirection_url: "http://127.0.0.1:9/return",
  ...patch,
});

describe.skipIf(t.skipped)(`emulator intention API on ${testDbTarget()}`, () => {
  let emu: EmulatorServer;
  const post = (body: unknown, auth: string | null = `Token ${EMULATOR_SECRET_KEY}`) =>
    fetch(`${emu.baseUrl}/v1/intention/`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(auth ? { authorization: auth } : {}) },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    emu = await startEmulatorServer();
  });
  afterAll(async () => {
    await emu?.settle();
    await emu?.close();
  });

  it("creates an intention in Paymob's 201 shape", async () => {
    const body = validBody();
    const res = await post(body);
    expect(res.status).toBe(201);
    const json = (await res.json()) as Record<string, unknown>;
    expect(json.id).toMatch(/^pi_test_[0-9a-f]{32}$/);
    expect(json.client_secret).toMatch(/^egy_csk_test_[0-9a-f]{32}$/);
    expect(Number.isInteger(json.intention_order_id)).toBe(true);
    expect(json.intention_order_id).toBeGreaterThanOrEqual(910000001);
    expect(json).toMatchObject({
      status: "intended",
      object: "paymentintention",
      confirmed: false,
      special_reference: body.special_reference,
      redirection_url: body.redirection_url,
      card_tokens: [],
      extras: {
        creation_extras: { cart: "abc", merchant_order_id: body.special_reference },
        confirmation_extras: null,
      },
      intention_detail: {
        amount: 35_000,
        currency: "EGP",
        items: [{ name: "Aswan clay mug", amount: 35_000, quantity: 1, description: "Handmade", image: null }],
      },
      payment_methods: [
        {
          integration_id: 4900001,
          name: "card",
          method_type: "online",
          currency: "EGP",
          live: false,
          alias: null,
          use_cvc_with_moto: false,
        },
        { integration_id: 4900002, name: "wallet", currency: "EGP", live: false },
      ],
    });
    const detail = json.intention_detail as { billing_data: Record<string, string> };
    expect(detail.billing_data).toMatchObject({
      ...billing,
      apartment: "",
      floor: "",
      postal_code: "",
      shipping_method: "",
    });
    const keys = json.payment_keys as { integration: number; key: string; order_id: number; iframe_id: null }[];
    expect(keys.map((k) => k.integration)).toEqual([4900001, 4900002]);
    expect(
      keys.every((k) => k.order_id === json.intention_order_id && k.key.startsWith("ZXlK") && k.iframe_id === null),
    ).toBe(true);
    // Egypt's timestamps carry no offset (docs/paymob.md § "Regions and hosts").
    expect(json.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
  });

  it("answers 401 DRF-style without or with a wrong secret key", async () => {
    const missing = await post(validBody(), null);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ detail: "Authentication credentials were not provided." });
    const wrong = await post(validBody(), "Token egy_sk_test_not_the_key");
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ detail: "Looks like the secret key is invalid" });
    const bearer = await post(validBody(), `Bearer ${EMULATOR_SECRET_KEY}`);
    expect(bearer.status).toBe(401);
  });

  it("answers 400 with DRF field errors for missing and blank fields", async () => {
    const noAmount = validBody();
    delete (noAmount as Record<string, unknown>).amount;
    let res = await post(noAmount);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ amount: ["This field is required."] });

    res = await post(validBody({ billing_data: { ...billing, phone_number: undefined } }));
    expect(await res.json()).toEqual({ billing_data: { phone_number: ["This field is required."] } });

    res = await post(validBody({ billing_data: { ...billing, first_name: "   " } }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ billing_data: { first_name: ["This field may not be blank."] } });

    res = await post(validBody({ items: [{ amount: 35_000 }] }));
    expect(await res.json()).toEqual({ items: { name: ["This field is required."] } });

    res = await post(validBody({ items: [{ name: "Mug" }] }));
    expect(await res.json()).toEqual({ items: { amount: ["This field is required."] } });

    res = await post(validBody({ amount: 10.5 }));
    expect(await res.json()).toEqual({ amount: ["A valid integer is required."] });

    res = await fetch(`${emu.baseUrl}/v1/intention/`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Token ${EMULATOR_SECRET_KEY}` },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/^JSON parse error/);
  });

  it("answers 404 for an unknown integration id or name", async () => {
    for (const methods of [[123], ["card", "cardlive"]]) {
      const res = await post(validBody({ payment_methods: methods }));
      expect(res.status).toBe(404);
      expect(((await res.json()) as { detail: string }).detail).toMatch(
        /^Integration ID\/Name does not exist in our system \. /,
      );
    }
  });

  it("answers 406 when items do not add up to the amount (plain sum by default, amount×quantity when configured)", async () => {
    const res = await post(validBody({ items: [{ name: "Mug", amount: 30_000 }] }));
    expect(res.status).toBe(406);
    expect(await res.json()).toMatchObject({ detail: "unmatched_item_prices" });

    // Paymob's own Postman example: 10000 = 5000 + 5000 although the second item has quantity 2.
    const postman = {
      amount: 10_000,
      items: [
        { name: "A", amount: 5000, quantity: 1 },
        { name: "B", amount: 5000, quantity: 2 },
      ],
    };
    expect((await post(validBody(postman))).status).toBe(201);
    process.env.PAYMOB_EMULATOR_ITEM_SUM = "amount_x_quantity";
    try {
      expect((await post(validBody(postman))).status).toBe(406);
      expect((await post(validBody({ ...postman, amount: 15_000 }))).status).toBe(201);
    } finally {
      delete process.env.PAYMOB_EMULATOR_ITEM_SUM;
    }
  });

  it("rejects a currency that is not the integration's, and a reused special_reference", async () => {
    const usd = await post(validBody({ currency: "USD" }));
    expect(usd.status).toBe(400);
    expect(await usd.json()).toEqual({ detail: "Invalid currency sent" });
    const body = validBody();
    expect((await post(body)).status).toBe(201);
    const again = await post(body);
    expect(again.status).toBe(400);
    expect(Object.keys((await again.json()) as object)).toEqual(["special_reference"]);
  });

  it("serves the element endpoint in the shape Pixel reads", async () => {
    const created = (await (await post(validBody())).json()) as {
      client_secret: string;
      intention_order_id: number;
      id: string;
    };
    const res = await fetch(`${emu.baseUrl}/v1/intention/element/${EMULATOR_PUBLIC_KEY}/${created.client_secret}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const el = (await res.json()) as Record<string, unknown>;
    expect(el).toMatchObject({
      id: created.id,
      intention_detail: { amount: 35_000, currency: "EGP" },
      card_tokens: [],
      customization: { customization_data: { branding: { brand_name: expect.any(String) } } },
      paid: false,
      paid_at: null,
      order_id: created.intention_order_id,
      client_info: { full_name: "Nour Hassan", email: billing.email },
    });
    const keys = el.payment_keys as Record<string, unknown>;
    expect(Array.isArray(keys)).toBe(false);
    expect(typeof keys.card).toBe("string");
    expect(typeof keys.wallet).toBe("string");

    expect(
      (await fetch(`${emu.baseUrl}/v1/intention/element/egy_pk_test_other/${created.client_secret}/`)).status,
    ).toBe(404);
    expect((await fetch(`${emu.baseUrl}/v1/intention/element/${EMULATOR_PUBLIC_KEY}/egy_csk_test_nope/`)).status).toBe(
      404,
    );
  });

  it("is unreachable (404) once real Paymob keys are configured", async () => {
    process.env.PAYMOB_SECRET_KEY = "egy_sk_live_real";
    try {
      expect((await post(validBody())).status).toBe(404);
      expect((await fetch(`${emu.baseUrl}/pixel/main.js`)).status).toBe(404);
      expect((await fetch(`${emu.baseUrl}/_emulator/deliveries`)).status).toBe(404);
    } finally {
      delete process.env.PAYMOB_SECRET_KEY;
    }
  });
});
