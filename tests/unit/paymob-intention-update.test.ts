import { describe, expect, it } from "vitest";

import { PaymobInvalidInputError, PaymobUnexpectedResponseError } from "@/lib/paymob/errors";
import { updateIntention } from "@/lib/paymob/intention-update";

import { fakeFetch, json, TEST_PAYMOB_CONFIG } from "./paymob-fake-fetch";

const base = { clientSecret: "egy_csk_test_6734a1fc392bc179dec8f4c2495842d6", intentionOrderId: 399862108 };
const lines = [
  { name: "Handwoven cotton throw", amountMinor: 15_000, quantity: 3 },
  { name: "Shipping", amountMinor: 2_500, quantity: 1 },
];

describe("updateIntention (PUT /v1/intention/{client_secret})", () => {
  it("sends accept_order_id and only what changes, with the secret key, to the client secret's path", async () => {
    const fetch = fakeFetch(json({ intention_detail: { amount: 47_500, currency: "EGP" } }));
    await updateIntention(
      TEST_PAYMOB_CONFIG,
      { ...base, amountMinor: 47_500, items: lines, redirectionUrl: "https://shop.example/checkout/return" },
      fetch.impl,
    );
    const [request] = fetch.requests;
    expect(request).toMatchObject({
      method: "PUT",
      url: `https://accept.paymob.com/v1/intention/${base.clientSecret}`,
      headers: { authorization: `Token ${TEST_PAYMOB_CONFIG.secretKey}` },
    });
    expect(request!.body).toEqual({
      accept_order_id: 399862108,
      amount: 47_500,
      items: [
        { name: "Handwoven cotton throw", amount: 45_000, description: "Quantity: 3", quantity: 1 },
        { name: "Shipping", amount: 2_500, description: "Quantity: 1", quantity: 1 },
      ],
      redirection_url: "https://shop.example/checkout/return",
    });
  });

  it("refuses, sending nothing, an amount without its lines and lines that do not add up", async () => {
    const fetch = fakeFetch();
    await expect(updateIntention(TEST_PAYMOB_CONFIG, { ...base, amountMinor: 47_500 }, fetch.impl)).rejects.toThrow(
      PaymobInvalidInputError,
    );
    await expect(
      updateIntention(TEST_PAYMOB_CONFIG, { ...base, amountMinor: 40_000, items: lines }, fetch.impl),
    ).rejects.toThrow(/add up to 47500/);
    expect(fetch.requests).toEqual([]);
  });

  it("refuses an answer that echoes another total than the one asked for", async () => {
    const fetch = fakeFetch(json({ intention_detail: { amount: 1, currency: "EGP" } }));
    await expect(
      updateIntention(TEST_PAYMOB_CONFIG, { ...base, amountMinor: 47_500, items: lines }, fetch.impl),
    ).rejects.toBeInstanceOf(PaymobUnexpectedResponseError);
  });
});
