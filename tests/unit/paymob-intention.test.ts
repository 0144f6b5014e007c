import { describe, expect, it } from "vitest";

import { PaymobInvalidInputError, PaymobUnexpectedResponseError, PaymobUnmatchedItemsError } from "@/lib/paymob/errors";
import { buildIntentionRequest, createIntention, type CreateIntentionInput } from "@/lib/paymob/intention";

import { fakeFetch, json, TEST_PAYMOB_CONFIG } from "./paymob-fake-fetch";

const config = TEST_PAYMOB_CONFIG;

const input: CreateIntentionInput = {
  amountMinor: 47_500,
  currency: "EGP",
  items: [
    { name: "Handwoven cotton throw", amountMinor: 15_000, quantity: 3, description: "Indigo, 130 × 170 cm" },
    { name: "Shipping", amountMinor: 2_500, quantity: 1 },
  ],
  billing: {
    firstName: "Mona",
    lastName: "Hassan",
    email: "mona@example.com",
    phoneNumber: "+201001234567",
    city: "Cairo",
  },
  specialReference: "order-42-attempt-1",
  notificationUrl: "https://shop.example/api/paymob/callback",
  redirectionUrl: "https://shop.example/checkout/return",
  extras: { orderId: 42 },
};

// Verbatim shape of Paymob's 201 answer (Postman "Create intention"), trimmed.
const created = {
  payment_keys: [
    {
      integration: 4900001,
      key: "ZXlKaGJHY2lPaUpJVXpVeE1pSXNJblI1Y0NJNklrcFhWQ0o5",
      gateway_type: "MIGS",
      iframe_id: null,
      order_id: 399862108,
      save_card: true,
    },
  ],
  intention_order_id: 399862108,
  id: "pi_test_68dbb55a027a4a7cb127449fd84144a3",
  intention_detail: { amount: 47_500, items: [], currency: "EGP", billing_data: {} },
  client_secret: "egy_csk_test_6734a1fc392bc179dec8f4c2495842d6",
  payment_methods: [
    { integration_id: 4900001, alias: null, name: "card", method_type: "online", currency: "EGP", live: false },
  ],
  special_reference: "order-42-attempt-1",
  confirmed: false,
  status: "intended",
  object: "paymentintention",
};

describe("createIntention", () => {
  it("POSTs the exact body to {base}/v1/intention/ with `Authorization: Token <secret>`", async () => {
    const fetch = fakeFetch(json(created, 201));
    const intention = await createIntention(config, input, fetch.impl);

    expect(fetch.requests).toHaveLength(1);
    const [request] = fetch.requests;
    expect(request!.url).toBe("https://accept.paymob.com/v1/intention/");
    expect(request!.method).toBe("POST");
    expect(request!.headers).toMatchObject({
      authorization: "Token egy_sk_test_secret",
      "content-type": "application/json",
      accept: "application/json",
    });
    expect(request!.signal).toBeInstanceOf(AbortSignal);
    expect(request!.body).toEqual({
      amount: 47_500,
      currency: "EGP",
      payment_methods: [4900001, "card"],
      items: [
        { name: "Handwoven cotton throw", amount: 45_000, description: "Indigo, 130 × 170 cm", quantity: 1 },
        { name: "Shipping", amount: 2_500, description: "Quantity: 1", quantity: 1 },
      ],
      billing_data: {
        first_name: "Mona",
        last_name: "Hassan",
        email: "mona@example.com",
        phone_number: "+201001234567",
        apartment: "NA",
        floor: "NA",
        street: "NA",
        building: "NA",
        city: "Cairo",
        state: "NA",
        country: "NA",
        postal_code: "NA",
      },
      special_reference: "order-42-attempt-1",
      notification_url: "https://shop.example/api/paymob/callback",
      redirection_url: "https://shop.example/checkout/return",
      extras: { orderId: 42 },
    });

    expect(intention).toEqual({
      id: "pi_test_68dbb55a027a4a7cb127449fd84144a3",
      clientSecret: "egy_csk_test_6734a1fc392bc179dec8f4c2495842d6",
      intentionOrderId: 399862108,
      status: "intended",
      raw: created,
    });
  });

  it("sends every line with quantity 1 and the line totals summing to the amount", () => {
    const body = buildIntentionRequest(config, input);
    expect(body.items.every((item) => item.quantity === 1)).toBe(true);
    expect(body.items.reduce((sum, item) => sum + item.amount, 0)).toBe(body.amount);
  });

  it("clips names to 50 and descriptions to 255 characters without splitting characters, and omits absent extras", () => {
    const longName = "🧵".repeat(60);
    const body = buildIntentionRequest(config, {
      ...input,
      amountMinor: 100,
      items: [{ name: longName, amountMinor: 100, quantity: 1, description: "d".repeat(300) }],
      billing: { ...input.billing, firstName: "F".repeat(70) },
      extras: undefined,
    });
    const [item] = body.items;
    expect(Array.from(item!.name)).toHaveLength(50);
    expect(item!.name.endsWith("🧵…")).toBe(true);
    expect(item!.description).toHaveLength(255);
    expect(Array.from(body.billing_data.first_name)).toHaveLength(50);
    expect(body).not.toHaveProperty("extras");
  });

  it("sends saved-card tokens as card_tokens, and no card_tokens key without any (docs/paymob.md § Saved cards)", () => {
    expect(buildIntentionRequest(config, { ...input, cardTokens: ["tok_a", "tok_b"] }).card_tokens).toEqual([
      "tok_a",
      "tok_b",
    ]);
    expect(buildIntentionRequest(config, { ...input, cardTokens: [] })).not.toHaveProperty("card_tokens");
    expect(buildIntentionRequest(config, input)).not.toHaveProperty("card_tokens");
    expect(() => buildIntentionRequest(config, { ...input, cardTokens: [""] })).toThrow(PaymobInvalidInputError);
  });

  it("fills blank optional billing fields with NA (Paymob rejects blanks) but keeps given ones", () => {
    const body = buildIntentionRequest(config, {
      ...input,
      billing: { ...input.billing, street: "  ", building: "12", postalCode: "11511" },
    });
    expect(body.billing_data).toMatchObject({ street: "NA", building: "12", postal_code: "11511", city: "Cairo" });
  });

  it.each([
    [
      "lines that do not add up",
      { amountMinor: 47_501 },
      PaymobUnmatchedItemsError,
      /lines add up to 47500 but the amount is 47501/,
    ],
    [
      "a zero amount",
      { amountMinor: 0, items: [{ name: "x", amountMinor: 0, quantity: 1 }] },
      PaymobInvalidInputError,
      /amountMinor: must be positive/,
    ],
    ["a fractional amount", { amountMinor: 10.5 }, PaymobInvalidInputError, /amountMinor: must be an integer/],
    ["an unsafe amount", { amountMinor: 2 ** 53 }, PaymobInvalidInputError, /amountMinor/],
    [
      "a fractional item price",
      { items: [{ name: "x", amountMinor: 0.5, quantity: 1 }] },
      PaymobInvalidInputError,
      /items\.0\.amountMinor/,
    ],
    [
      "a zero quantity",
      { items: [{ name: "x", amountMinor: 5, quantity: 0 }] },
      PaymobInvalidInputError,
      /items\.0\.quantity/,
    ],
    [
      "a line total beyond safe integers",
      { items: [{ name: "x", amountMinor: 2 ** 52, quantity: 3 }] },
      PaymobInvalidInputError,
      /Invalid line total/,
    ],
    ["no lines", { items: [] }, PaymobInvalidInputError, /items: at least one line/],
    [
      "a blank item name",
      { items: [{ name: "  ", amountMinor: 47_500, quantity: 1 }] },
      PaymobInvalidInputError,
      /item name is required/,
    ],
    [
      "a missing phone number",
      { billing: { ...input.billing, phoneNumber: "" } },
      PaymobInvalidInputError,
      /billing\.phoneNumber: phone number is required/,
    ],
    [
      "an invalid email",
      { billing: { ...input.billing, email: "mona" } },
      PaymobInvalidInputError,
      /billing\.email: must be an email/,
    ],
    ["a blank special reference", { specialReference: " " }, PaymobInvalidInputError, /specialReference/],
    [
      "a relative callback URL",
      { notificationUrl: "/api/paymob/callback" },
      PaymobInvalidInputError,
      /notificationUrl/,
    ],
    [
      "another currency than the region's",
      { currency: "SAR" },
      PaymobInvalidInputError,
      /in SAR: the configured Paymob region \(egypt\) charges in EGP/,
    ],
  ])("refuses %s locally, without any HTTP request", async (_label, override, ErrorClass, message) => {
    const fetch = fakeFetch();
    const attempt = createIntention(config, { ...input, ...override } as CreateIntentionInput, fetch.impl);
    await expect(attempt).rejects.toBeInstanceOf(ErrorClass);
    await expect(attempt).rejects.toThrow(message);
    await expect(attempt).rejects.toMatchObject({ status: null, retryable: false });
    expect(fetch.requests).toHaveLength(0);
  });

  it.each([
    ["an id that is not pi_…", { ...created, id: "int_123" }, /id/],
    ["no client secret", { ...created, client_secret: undefined }, /client_secret/],
    ["a string order id", { ...created, intention_order_id: "399862108" }, /intention_order_id/],
    ["no payment_keys", { ...created, payment_keys: undefined }, /payment_keys/],
  ])("rejects a 201 with %s", async (_label, body, message) => {
    const attempt = createIntention(config, input, fakeFetch(json(body, 201)).impl);
    await expect(attempt).rejects.toBeInstanceOf(PaymobUnexpectedResponseError);
    await expect(attempt).rejects.toThrow(message);
  });

  it("refuses an intention Paymob created for another amount or currency", async () => {
    const wrongAmount = { ...created, intention_detail: { ...created.intention_detail, amount: 4_750 } };
    await expect(createIntention(config, input, fakeFetch(json(wrongAmount, 201)).impl)).rejects.toThrow(
      /for 4750 EGP, but .* asked for 47500 EGP/,
    );
    const wrongCurrency = { ...created, intention_detail: { ...created.intention_detail, currency: "USD" } };
    await expect(createIntention(config, input, fakeFetch(json(wrongCurrency, 201)).impl)).rejects.toBeInstanceOf(
      PaymobUnexpectedResponseError,
    );
  });

  it("tolerates extra keys and a missing intention_detail in the answer", async () => {
    const intention = await createIntention(
      config,
      input,
      fakeFetch(json({ ...created, intention_detail: undefined, new_field: 1 }, 201)).impl,
    );
    expect(intention.id).toBe(created.id);
  });
});
