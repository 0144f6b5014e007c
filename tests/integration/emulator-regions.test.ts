import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCallbackBody, parseRedirect, verifyCallback } from "@/lib/paymob/callbacks";
import { loadPaymobConfig, type PaymobConfig } from "@/lib/paymob/config";
import { PaymobNotFoundError, PaymobValidationError } from "@/lib/paymob/errors";
import { createIntention, type CreateIntentionInput } from "@/lib/paymob/intention";
import type { PaymobRegion } from "@/lib/paymob/regions";
import { clearAuthTokenCache, inquireTransaction, refundTransaction } from "@/lib/paymob/transactions";
import { unifiedCheckoutUrl } from "@/lib/paymob/urls";
import { startCallbackReceiver, type CallbackReceiver } from "../helpers/callback-receiver";
import { useTestDb } from "../helpers/db";
import { postForm, startEmulatorServer, type EmulatorServer } from "../helpers/emulator-server";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb({ seed: false });

// One full payment, partial refund and inquiry per region, through the storefront's own Paymob client, its
// configuration for PAYMOB_REGION in emulator mode, and its own signature checks. What differs by region is
// written out here rather than read from the code under test: the key prefix, the currency and its decimals,
// and the timestamps real payloads carry (Egypt's without an offset; docs/paymob.md § "Regions and hosts").
const REGIONS: {
  region: PaymobRegion;
  prefix: string;
  currency: string;
  decimals: number;
  timeZone: string;
  offset: string;
  shown: string;
}[] = [
  {
    region: "egypt",
    prefix: "egy",
    currency: "EGP",
    decimals: 2,
    timeZone: "Africa/Cairo",
    offset: "",
    shown: "123.45",
  },
  {
    region: "ksa",
    prefix: "sau",
    currency: "SAR",
    decimals: 2,
    timeZone: "Asia/Riyadh",
    offset: "+03:00",
    shown: "123.45",
  },
  {
    region: "uae",
    prefix: "are",
    currency: "AED",
    decimals: 2,
    timeZone: "Asia/Dubai",
    offset: "+04:00",
    shown: "123.45",
  },
  {
    region: "oman",
    prefix: "omn",
    currency: "OMR",
    decimals: 3,
    timeZone: "Asia/Muscat",
    offset: "+04:00",
    shown: "12.345",
  },
];

const AMOUNT = 12_345; // minor units: 123.45 in a 2-decimal currency, 12.345 OMR
const REFUND = 2_345;

/** `YYYY-MM-DDTHH:MM:SS` of a moment on a zone's wall clock, for ordering against a Paymob timestamp. */
const wallClock = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone, dateStyle: "short", timeStyle: "medium" })
    .format(date)
    .replace(" ", "T");

describe.skipIf(t.skipped)(`the emulator's regions, through the storefront's client on ${testDbTarget()}`, () => {
  let emu: EmulatorServer;
  let receiver: CallbackReceiver;
  beforeAll(async () => {
    [emu, receiver] = await Promise.all([startEmulatorServer(), startCallbackReceiver()]);
    clearAuthTokenCache();
  });
  afterAll(async () => {
    await emu?.settle();
    await Promise.all([emu?.close(), receiver?.close()]);
  });

  const regionConfig = (region: PaymobRegion): PaymobConfig =>
    loadPaymobConfig({ APP_URL: emu.origin, PAYMOB_REGION: region });

  const order = (currency: string): CreateIntentionInput => {
    const ref = `RG-${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
    return {
      amountMinor: AMOUNT,
      currency,
      items: [{ name: "Aswan clay mug", amountMinor: AMOUNT, quantity: 1 }],
      billing: { firstName: "Nour", lastName: "Hassan", email: "nour@example.com", phoneNumber: "+201000000001" },
      specialReference: ref,
      notificationUrl: `${receiver.url}/cb/${ref}`,
      redirectionUrl: "https://shop.test/checkout/return",
    };
  };

  it.each(REGIONS)(
    "$region: $prefix keys, $currency with $decimals decimals, timestamps ending in '$offset'",
    async ({ region, prefix, currency, decimals, timeZone, offset, shown }) => {
      const config = regionConfig(region);
      expect(config).toMatchObject({ mode: "emulator", region, currency });
      const stamp = new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}${offset.replace("+", "\\+")}$`);
      const major = (minor: number) => minor / 10 ** decimals;
      const before = wallClock(new Date(), timeZone);

      const input = order(currency);
      const intention = await createIntention(config, input);
      expect(intention.clientSecret).toMatch(new RegExp(`^${prefix}_csk_test_`));

      // What Pixel and Unified Checkout read, and the amount the hosted page shows.
      const element = await fetch(`${emu.baseUrl}/v1/intention/element/${config.publicKey}/${intention.clientSecret}/`);
      expect(element.status).toBe(200);
      const elementBody = (await element.json()) as Record<string, unknown>;
      expect(elementBody).toMatchObject({
        public_key: config.publicKey,
        intention_detail: { amount: AMOUNT, currency },
        payment_methods: expect.arrayContaining([expect.objectContaining({ name: "card", currency })]),
      });
      for (const method of elementBody.payment_methods as { currency: string }[])
        expect(method.currency).toBe(currency);
      const page = await fetch(unifiedCheckoutUrl(config, intention.clientSecret));
      expect(page.status).toBe(200);
      expect((await page.text()).replace(/\u00a0/g, " ")).toContain(`${currency} ${shown}`);

      const paid = await postForm(`${emu.baseUrl}/unifiedcheckout/pay`, {
        publicKey: config.publicKey,
        clientSecret: intention.clientSecret,
        method: "card",
        card_number: "5123456789012346",
        card_name: "Test Account",
        expiry: "01/39",
        cvv: "123",
      });
      expect(paid.status).toBe(303);
      const location = paid.headers.get("location")!;
      // The offset's "+" travels percent-encoded; a raw "+" would decode to a space and break the signature.
      expect(location).toMatch(new RegExp(`created_at=[^&]*\\.\\d{6}${encodeURIComponent(offset)}&`));
      const query = new URL(location).searchParams;
      expect(query.get("currency")).toBe(currency);
      expect(query.get("created_at")).toMatch(stamp);
      expect(parseRedirect(query, config.hmacSecret)).toMatchObject({ verified: true, success: true, pending: false });
      const transactionId = Number(query.get("id"));

      const path = `/cb/${input.specialReference}`;
      const paymentCallbacks = await receiver.waitFor((all) => all.some((c) => c.path === path));
      const callback = paymentCallbacks.find((c) => c.path === path)!;
      const parsed = parseCallbackBody(callback.body);
      if (!parsed.ok || parsed.callback.kind !== "TRANSACTION") throw new Error("expected a TRANSACTION callback");
      // The signature covers created_at exactly as emitted, offset or none.
      expect(verifyCallback(config.hmacSecret, parsed.callback, callback.query.get("hmac"))).toBe("valid");
      const obj = parsed.callback.obj as Record<string, unknown> & { data: Record<string, unknown> };
      expect(obj).toMatchObject({ id: transactionId, amount_cents: AMOUNT, currency, success: true });
      expect(obj.created_at).toMatch(stamp);
      expect(obj.updated_at).toMatch(stamp);
      const localTime = String(obj.created_at).slice(0, 19);
      expect(localTime >= before && localTime <= wallClock(new Date(), timeZone)).toBe(true);
      expect(obj.data).toMatchObject({ currency, captured_amount: major(AMOUNT), authorised_amount: major(AMOUNT) });

      const refund = await refundTransaction(config, { transactionId, amountCents: REFUND });
      expect(refund).toMatchObject({ success: true, hasParentTransaction: true, amountMinor: REFUND, currency });
      expect(refund.createdAt).toMatch(stamp);
      const all = await receiver.waitFor((list) =>
        list.some((c) => c.path === path && (c.json as { obj: { id: number } }).obj.id === refund.id),
      );
      for (const c of all.filter((x) => x.path === path)) {
        const p = parseCallbackBody(c.body);
        if (!p.ok) throw new Error("unparseable callback");
        expect(verifyCallback(config.hmacSecret, p.callback, c.query.get("hmac"))).toBe("valid");
      }

      const answer = await inquireTransaction(config, { merchantOrderId: input.specialReference });
      expect(answer.transaction).toMatchObject({ currency });
      expect(answer.transaction.createdAt).toMatch(stamp);
      const inquired = JSON.parse(answer.body) as { obj?: unknown } & Record<string, unknown>;
      const latest = (inquired.obj ?? inquired) as { data: Record<string, unknown>; amount_cents: number };
      expect(latest.amount_cents).toBe(REFUND);
    },
  );

  it("paid parent reports its refunds in the currency's major units (OMR: baisa / 1000)", async () => {
    const config = regionConfig("oman");
    const input = order("OMR");
    const intention = await createIntention(config, input);
    const paid = await postForm(`${emu.baseUrl}/unifiedcheckout/pay`, {
      publicKey: config.publicKey,
      clientSecret: intention.clientSecret,
      method: "card",
      card_number: "4111111111111111",
      card_name: "Test Account",
      expiry: "01/39",
      cvv: "123",
    });
    const transactionId = Number(new URL(paid.headers.get("location")!).searchParams.get("id"));
    await refundTransaction(config, { transactionId, amountCents: REFUND });
    const path = `/cb/${input.specialReference}`;
    const all = await receiver.waitFor((list) =>
      list.some((c) => c.path === path && (c.json as { obj: { is_refunded: boolean } }).obj.is_refunded),
    );
    const parent = all.find((c) => c.path === path && (c.json as { obj: { is_refunded: boolean } }).obj.is_refunded)!;
    expect((parent.json as { obj: { data: Record<string, unknown> } }).obj.data).toMatchObject({
      refunded_amount: 2.345,
      captured_amount: 12.345,
    });
  });

  it("keeps each region's account apart: currency, integrations and public key", async () => {
    const ksa = regionConfig("ksa");
    // The client refuses a currency its region does not charge; the emulator, asked anyway, answers like Paymob.
    const foreign = createIntention({ ...ksa, currency: "EGP" }, order("EGP"));
    await expect(foreign).rejects.toBeInstanceOf(PaymobValidationError);
    await expect(foreign).rejects.toThrow(/Invalid currency sent/);
    // Egypt's integration ids do not exist in the KSA account.
    const egypt = regionConfig("egypt");
    await expect(
      createIntention({ ...ksa, paymentMethods: egypt.paymentMethods }, order("SAR")),
    ).rejects.toBeInstanceOf(PaymobNotFoundError);
    // A KSA client secret opens only with the KSA public key.
    const intention = await createIntention(ksa, order("SAR"));
    const url = (publicKey: string) => `${emu.baseUrl}/v1/intention/element/${publicKey}/${intention.clientSecret}/`;
    expect((await fetch(url(egypt.publicKey))).status).toBe(404);
    expect((await fetch(url(ksa.publicKey))).status).toBe(200);
  });
});
