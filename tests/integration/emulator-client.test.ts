import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCallbackBody, parseRedirect, verifyCallback } from "@/lib/paymob/callbacks";
import { loadPaymobConfig, type PaymobConfig } from "@/lib/paymob/config";
import { PaymobAuthError, PaymobNotFoundError, PaymobValidationError } from "@/lib/paymob/errors";
import { createIntention, type CreateIntentionInput } from "@/lib/paymob/intention";
import { clearAuthTokenCache, inquireTransaction, refundTransaction, voidTransaction } from "@/lib/paymob/transactions";
import { unifiedCheckoutUrl } from "@/lib/paymob/urls";
import { startCallbackReceiver, type CallbackReceiver } from "../helpers/callback-receiver";
import { useTestDb } from "../helpers/db";
import { payByCard, startEmulatorServer, type EmulatorServer } from "../helpers/emulator-server";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb({ seed: false });

// The storefront's own Paymob client, pointed at the emulator by nothing but its base URL (APP_URL).
describe.skipIf(t.skipped)(`Paymob client against the emulator on ${testDbTarget()}`, () => {
  let emu: EmulatorServer;
  let receiver: CallbackReceiver;
  let config: PaymobConfig;
  beforeAll(async () => {
    [emu, receiver] = await Promise.all([startEmulatorServer(), startCallbackReceiver()]);
    config = loadPaymobConfig({ APP_URL: emu.origin });
    clearAuthTokenCache();
  });
  afterAll(async () => {
    await emu?.settle();
    await Promise.all([emu?.close(), receiver?.close()]);
  });

  const input = (patch: Partial<CreateIntentionInput> = {}): CreateIntentionInput => {
    const ref = `PS-${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
    return {
      amountMinor: 82_500,
      currency: "EGP",
      items: [
        { name: "Aswan clay mug", amountMinor: 35_000, quantity: 2 },
        { name: "Shipping", amountMinor: 12_500, quantity: 1 },
      ],
      billing: { firstName: "Nour", lastName: "Hassan", email: "nour@example.com", phoneNumber: "+201000000001" },
      specialReference: ref,
      notificationUrl: `${receiver.url}/cb/${ref}`,
      redirectionUrl: "https://shop.test/checkout/return",
      extras: { source: "client-test" },
      ...patch,
    };
  };

  /** Pays an intention the client created (camelCase) on the emulator's hosted form (which takes Paymob's names). */
  const payCreated = (
    intention: Awaited<ReturnType<typeof createIntention>>,
    order: CreateIntentionInput,
    cardNumber: string,
  ) =>
    payByCard(
      emu,
      {
        id: intention.id,
        client_secret: intention.clientSecret,
        intention_order_id: intention.intentionOrderId,
        special_reference: order.specialReference,
      },
      cardNumber,
    );

  it("creates an intention, pays it, and every signed message verifies with the storefront's own parsers", async () => {
    expect(config).toMatchObject({ mode: "emulator", baseUrl: emu.baseUrl });
    const order = input();
    const intention = await createIntention(config, order);
    expect(intention.id).toMatch(/^pi_test_/);
    expect(intention.clientSecret).toMatch(/^egy_csk_test_/);
    expect(intention.status).toBe("intended");

    const page = await fetch(unifiedCheckoutUrl(config, intention.clientSecret));
    expect(page.status).toBe(200);

    const res = await payCreated(intention, order, "5123456789012346");
    const redirect = parseRedirect(new URL(res.headers.get("location")!).searchParams, config.hmacSecret);
    expect(redirect).toMatchObject({
      verified: true,
      success: true,
      pending: false,
      merchantOrderId: order.specialReference,
    });

    const [callback] = await receiver.waitFor((all) => all.some((c) => c.path === `/cb/${order.specialReference}`));
    const parsed = parseCallbackBody(callback!.body);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.callback.kind !== "TRANSACTION") throw new Error("expected a TRANSACTION callback");
    expect(verifyCallback(config.hmacSecret, parsed.callback, callback!.query.get("hmac"))).toBe("valid");
    expect(parsed.callback.obj).toMatchObject({
      id: redirect.transactionId,
      amount_cents: 82_500,
      order: { id: intention.intentionOrderId, merchant_order_id: order.specialReference },
    });

    const latest = await inquireTransaction(config, { merchantOrderId: order.specialReference });
    expect(latest.transaction).toMatchObject({ id: redirect.transactionId, success: true });
    expect((await inquireTransaction(config, { orderId: intention.intentionOrderId })).transaction).toMatchObject({
      id: redirect.transactionId,
    });

    const refund = await refundTransaction(config, { transactionId: redirect.transactionId!, amountCents: 12_500 });
    expect(refund).toMatchObject({ success: true, hasParentTransaction: true, amountMinor: 12_500 });
    // The inquiry now returns the newest transaction of the order: the refund child.
    expect((await inquireTransaction(config, { orderId: intention.intentionOrderId })).transaction).toMatchObject({
      id: refund.id,
    });
  });

  it("voids through the client", async () => {
    const order = input();
    const intention = await createIntention(config, order);
    const res = await payCreated(intention, order, "4111111111111111");
    const id = Number(new URL(res.headers.get("location")!).searchParams.get("id"));
    expect(await voidTransaction(config, { transactionId: id })).toMatchObject({
      success: true,
      hasParentTransaction: true,
    });
    await expect(voidTransaction(config, { transactionId: id })).rejects.toThrow();
  });

  it("surfaces the emulator's error responses as the client's typed errors", async () => {
    await expect(createIntention({ ...config, secretKey: "egy_sk_test_wrong" }, input())).rejects.toBeInstanceOf(
      PaymobAuthError,
    );
    await expect(createIntention({ ...config, paymentMethods: [123] }, input())).rejects.toBeInstanceOf(
      PaymobNotFoundError,
    );
    // Passes the client's own checks, but special_reference must be unique per intention: a 400 field error.
    const once = input();
    await createIntention(config, once);
    await expect(createIntention(config, once)).rejects.toBeInstanceOf(PaymobValidationError);
    await expect(inquireTransaction(config, { merchantOrderId: "PS-NOPE" })).rejects.toBeInstanceOf(
      PaymobNotFoundError,
    );
  });
});
