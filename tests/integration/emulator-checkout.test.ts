import { describe, expect, it } from "vitest";
import { EMULATOR_HMAC_SECRET, EMULATOR_PUBLIC_KEY } from "@/lib/paymob/emulator-credentials";
import { verifyRedirect, verifyToken, verifyTransaction } from "@/lib/paymob/hmac";
import type { ReceivedCallback } from "../helpers/callback-receiver";
import { useTestDb } from "../helpers/db";
import {
  createTestIntention,
  payByCard,
  postForm,
  type CreatedIntention,
  useEmulatorHarness,
} from "../helpers/emulator-server";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb({ seed: false });

// Key order of real 2025/2026 redirects (docs/paymob.md § "Browser redirect"); the merchant's own `from`
// parameter stays first.
const REDIRECT_KEYS = [
  "from",
  "id",
  "pending",
  "amount_cents",
  "success",
  "is_auth",
  "is_capture",
  "is_standalone_payment",
  "is_voided",
  "is_refunded",
  "is_3d_secure",
  "integration_id",
  "profile_id",
  "has_parent_transaction",
  "order",
  "created_at",
  "currency",
  "merchant_commission",
  "accept_fees",
  "discount_details",
  "amount_cents_int",
  "is_void",
  "is_refund",
  "error_occured",
  "refunded_amount_cents",
  "refunded_amount_cents_int",
  "captured_amount",
  "captured_amount_int",
  "settlement_amount_cents_int",
  "accept_fees_cents_int",
  "vat_cents_int",
  "updated_at",
  "is_settled",
  "bill_balanced",
  "is_bill",
  "owner",
  "merchant_order_id",
  "data.message",
  "source_data.type",
  "source_data.pan",
  "source_data.sub_type",
  "acq_response_code",
  "txn_response_code",
  "hmac",
];

type Obj = {
  id: number;
  success: boolean;
  pending: boolean;
  is_3d_secure: boolean;
  amount_cents: number;
  created_at: string;
  order: { id: number; merchant_order_id: string };
  source_data: Record<string, unknown>;
  data: Record<string, unknown>;
  payment_key_claims: { extra: Record<string, unknown> };
};

describe.skipIf(t.skipped)(`emulator hosted checkout on ${testDbTarget()}`, () => {
  const h = useEmulatorHarness();

  const callbacksFor = (intention: CreatedIntention) =>
    h.receiver.received.filter((c) => c.path === `/cb/${intention.special_reference}`);
  const waitCallbacks = (intention: CreatedIntention, n: number) =>
    h.receiver.waitFor(() => callbacksFor(intention).length >= n).then(() => callbacksFor(intention));

  /** Asserts the redirect is Paymob-shaped and correctly signed; returns its query. */
  function expectSignedRedirect(res: Response, intention: CreatedIntention): URLSearchParams {
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    expect(location.startsWith("https://shop.test/checkout/return?from=paymob&id=")).toBe(true);
    // created_at's ":" are percent-encoded, so the value survives decoding; Egypt's carries no offset (the "+"
    // of the other regions' offsets is covered in emulator-regions.test.ts).
    expect(location).toMatch(/created_at=\d{4}-\d\d-\d\dT\d\d%3A\d\d%3A\d\d\.\d{6}&/);
    const query = new URL(location).searchParams;
    expect([...query.keys()]).toEqual(REDIRECT_KEYS);
    expect(verifyRedirect(EMULATOR_HMAC_SECRET, query)).toBe(true);
    expect(query.get("order")).toBe(String(intention.intention_order_id));
    expect(query.get("merchant_order_id")).toBe(intention.special_reference);
    return query;
  }

  function expectSignedTransaction(callback: ReceivedCallback, intention: CreatedIntention): Obj {
    const body = callback.json as {
      type: string;
      obj: Obj;
      issuer_bank: null;
      transaction_processed_callback_responses: string;
    };
    expect(body.type).toBe("TRANSACTION");
    expect(body).toMatchObject({ issuer_bank: null, transaction_processed_callback_responses: "" });
    expect(verifyTransaction(EMULATOR_HMAC_SECRET, body.obj, callback.query.get("hmac"))).toBe(true);
    expect(body.obj.order.id).toBe(intention.intention_order_id);
    expect(body.obj.order.merchant_order_id).toBe(intention.special_reference);
    expect(body.obj.payment_key_claims.extra).toMatchObject({
      order_ref: intention.special_reference,
      merchant_order_id: intention.special_reference,
    });
    expect(typeof body.obj.amount_cents).toBe("number");
    expect(typeof body.obj.success).toBe("boolean");
    return body.obj;
  }

  it("renders the hosted checkout page, clearly marked as the test emulator", async () => {
    const intention = await createTestIntention(h.emu, h.receiver.url);
    const res = await fetch(
      `${h.emu.baseUrl}/unifiedcheckout/?publicKey=${EMULATOR_PUBLIC_KEY}&clientSecret=${intention.client_secret}`,
    );
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("TEST EMULATOR");
    expect(page).toMatch(/EGP\s?350\.00/);
    expect(page).toContain("Aswan clay mug");
    for (const field of [
      'name="card_number"',
      'name="card_name"',
      'name="expiry"',
      'name="cvv"',
      'name="save_card"',
      'name="wallet_number"',
      "5123450000000008",
      "4000000000000002",
    ])
      expect(page).toContain(field);
    expect(
      (await fetch(`${h.emu.baseUrl}/unifiedcheckout/?publicKey=${EMULATOR_PUBLIC_KEY}&clientSecret=egy_csk_test_nope`))
        .status,
    ).toBe(404);
  });

  for (const card of ["5123456789012346", "4111111111111111"]) {
    it(`approves ${card}: signed callback, then a signed 303 redirect`, async () => {
      const intention = await createTestIntention(h.emu, h.receiver.url);
      const query = expectSignedRedirect(await payByCard(h.emu, intention, card), intention);
      expect(query.get("success")).toBe("true");
      expect(query.get("pending")).toBe("false");
      expect(query.get("source_data.pan")).toBe(card.slice(-4));
      const [callback, ...rest] = await waitCallbacks(intention, 1);
      const obj = expectSignedTransaction(callback!, intention);
      expect(obj).toMatchObject({
        id: Number(query.get("id")),
        success: true,
        pending: false,
        is_3d_secure: false,
        amount_cents: 35_000,
      });
      expect(obj.data).toMatchObject({ message: "Approved", txn_response_code: "APPROVED", acq_response_code: "00" });
      expect(obj.created_at).toBe(query.get("created_at"));
      await h.emu.settle();
      expect(rest).toHaveLength(0);
      // The intention is used up: the page and a second payment refuse.
      expect(
        (
          await fetch(
            `${h.emu.baseUrl}/unifiedcheckout/?publicKey=${EMULATOR_PUBLIC_KEY}&clientSecret=${intention.client_secret}`,
          )
        ).status,
      ).toBe(409);
      expect((await payByCard(h.emu, intention, card)).status).toBe(409);
    });
  }

  it("declines 4000000000000002 and leaves 4000000000000101 pending", async () => {
    const declined = await createTestIntention(h.emu, h.receiver.url);
    const dq = expectSignedRedirect(await payByCard(h.emu, declined, "4000000000000002"), declined);
    expect([dq.get("success"), dq.get("pending"), dq.get("txn_response_code")]).toEqual(["false", "false", "DECLINED"]);
    expect(expectSignedTransaction((await waitCallbacks(declined, 1))[0]!, declined)).toMatchObject({
      success: false,
      pending: false,
    });

    const pending = await createTestIntention(h.emu, h.receiver.url);
    const pq = expectSignedRedirect(await payByCard(h.emu, pending, "4000000000000101"), pending);
    expect([pq.get("success"), pq.get("pending")]).toEqual(["false", "true"]);
    expect(expectSignedTransaction((await waitCallbacks(pending, 1))[0]!, pending)).toMatchObject({
      success: false,
      pending: true,
    });
  });

  it("lets a declined payment be retried with another card", async () => {
    const intention = await createTestIntention(h.emu, h.receiver.url);
    expect(expectSignedRedirect(await payByCard(h.emu, intention, "4000000000000002"), intention).get("success")).toBe(
      "false",
    );
    expect(expectSignedRedirect(await payByCard(h.emu, intention, "5123456789012346"), intention).get("success")).toBe(
      "true",
    );
    const callbacks = await waitCallbacks(intention, 2);
    expect(callbacks.map((c) => (c.json as { obj: Obj }).obj.success).sort()).toEqual([false, true]);
  });

  it("runs 3-D Secure for 5123450000000008: OTP 123456 approves, a wrong OTP declines, a resubmit only repeats the redirect", async () => {
    const ok = await createTestIntention(h.emu, h.receiver.url);
    const challenge = await payByCard(h.emu, ok, "5123450000000008");
    expect(challenge.status).toBe(303);
    const acsUrl = challenge.headers.get("location")!;
    expect(acsUrl).toMatch(/\/acs\/\d+\/\?token=[0-9a-f]{32}$/);
    const acsPage = await fetch(acsUrl);
    expect(acsPage.status).toBe(200);
    expect(await acsPage.text()).toContain("TEST EMULATOR");
    expect(callbacksFor(ok)).toHaveLength(0); // nothing is sent while the payer is at the ACS

    const token = new URL(acsUrl).searchParams.get("token")!;
    const acsPost = acsUrl.split("?")[0]!;
    const first = await postForm(acsPost, { token, otp: "123456" });
    const approved = expectSignedRedirect(first, ok);
    expect([approved.get("success"), approved.get("is_3d_secure")]).toEqual(["true", "true"]);
    expect(expectSignedTransaction((await waitCallbacks(ok, 1))[0]!, ok)).toMatchObject({
      success: true,
      is_3d_secure: true,
    });
    const again = await postForm(acsPost, { token, otp: "123456" });
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    await h.emu.settle();
    expect(callbacksFor(ok)).toHaveLength(1);
    expect((await postForm(acsPost, { token: "0".repeat(32), otp: "123456" })).status).toBe(404);

    const bad = await createTestIntention(h.emu, h.receiver.url);
    const badAcs = (await payByCard(h.emu, bad, "5123450000000008")).headers.get("location")!;
    const declined = expectSignedRedirect(
      await postForm(badAcs.split("?")[0]!, { token: new URL(badAcs).searchParams.get("token")!, otp: "000000" }),
      bad,
    );
    expect([declined.get("success"), declined.get("pending"), declined.get("is_3d_secure")]).toEqual([
      "false",
      "false",
      "true",
    ]);
  });

  it("pays with the test wallet 01010101010 after MPIN and OTP", async () => {
    const intention = await createTestIntention(h.emu, h.receiver.url);
    const start = await postForm(`${h.emu.baseUrl}/unifiedcheckout/pay`, {
      publicKey: EMULATOR_PUBLIC_KEY,
      clientSecret: intention.client_secret,
      method: "wallet",
      wallet_number: "01010101010",
    });
    const walletPage = start.headers.get("location")!;
    expect(await (await fetch(walletPage)).text()).toContain('name="mpin"');
    const q = expectSignedRedirect(
      await postForm(walletPage.split("?")[0]!, {
        token: new URL(walletPage).searchParams.get("token")!,
        mpin: "123456",
        otp: "123456",
      }),
      intention,
    );
    expect([
      q.get("success"),
      q.get("source_data.type"),
      q.get("source_data.pan"),
      q.get("source_data.sub_type"),
    ]).toEqual(["true", "wallet", "01010101010", "wallet"]);
    expectSignedTransaction((await waitCallbacks(intention, 1))[0]!, intention);
  });

  it("saves the card: a separate signed TOKEN callback with order_id as a string", async () => {
    const intention = await createTestIntention(h.emu, h.receiver.url);
    expectSignedRedirect(await payByCard(h.emu, intention, "5123456789012346", { save_card: "1" }), intention);
    const callbacks = await waitCallbacks(intention, 2);
    const token = callbacks.find((c) => (c.json as { type: string }).type === "TOKEN")!;
    const obj = (token.json as { obj: Record<string, unknown> }).obj;
    expect(verifyToken(EMULATOR_HMAC_SECRET, obj, token.query.get("hmac"))).toBe(true);
    expect(obj).toMatchObject({
      masked_pan: "xxxx-xxxx-xxxx-2346",
      card_subtype: "MasterCard",
      email: "nour@example.com",
      order_id: String(intention.intention_order_id),
    });
    expect(callbacks.map((c) => (c.json as { type: string }).type)).toEqual(["TRANSACTION", "TOKEN"]);
  });

  it("re-renders the form with an error (422) for invalid card details, charging nothing", async () => {
    const intention = await createTestIntention(h.emu, h.receiver.url);
    const res = await payByCard(h.emu, intention, "5123456789012345");
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain("Enter a valid card number.");
    expect(page).not.toContain('value="123"'); // the CVV is never echoed
    expect((await payByCard(h.emu, intention, "5123456789012346", { expiry: "01/20" })).status).toBe(422);
    await h.emu.settle();
    expect(callbacksFor(intention)).toHaveLength(0);
  });
});
