import { beforeAll, describe, expect, it } from "vitest";
import { loadPaymobConfig, type PaymobConfig } from "@/lib/paymob/config";
import { EMULATOR_PUBLIC_KEY, EMULATOR_SECRET_KEY } from "@/lib/paymob/emulator-credentials";
import { PaymobValidationError } from "@/lib/paymob/errors";
import { updateIntention } from "@/lib/paymob/intention-update";
import { useTestDb } from "../helpers/db";
import { createTestIntention, payByCard, useEmulatorHarness, type CreatedIntention } from "../helpers/emulator-server";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb({ seed: false });

// PUT /v1/intention/{client_secret} (Postman "Update intention"), in the emulator and through the store's client.
describe.skipIf(t.skipped)(`updating an intention on ${testDbTarget()}`, () => {
  const h = useEmulatorHarness();
  let config: PaymobConfig;
  beforeAll(() => {
    config = loadPaymobConfig({ APP_URL: h.emu.origin });
  });

  const put = (clientSecret: string, body: unknown, auth: string | null = `Token ${EMULATOR_SECRET_KEY}`) =>
    fetch(`${h.emu.baseUrl}/v1/intention/${clientSecret}`, {
      method: "PUT",
      headers: { "content-type": "application/json", ...(auth ? { authorization: auth } : {}) },
      body: JSON.stringify(body),
    });
  /** What Pixel's `updateIntentionData()` re-reads. */
  const element = async (i: CreatedIntention) => {
    const res = await fetch(`${h.emu.baseUrl}/v1/intention/element/${EMULATOR_PUBLIC_KEY}/${i.client_secret}/`);
    return (await res.json()) as { intention_detail: { amount: number; items: { amount: number }[] } };
  };
  const newLines = { amount: 50_000, items: [{ name: "Two mugs", amount: 50_000, quantity: 1 }] };

  it("changes the amount and items: the element endpoint shows them, and the payment charges the new amount", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    const res = await put(i.client_secret, { accept_order_id: i.intention_order_id, ...newLines });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: i.id, intention_detail: { amount: 50_000 } });
    expect((await element(i)).intention_detail).toMatchObject({ amount: 50_000, items: [{ amount: 50_000 }] });

    const paid = await payByCard(h.emu, i, "5123456789012346");
    expect(new URL(paid.headers.get("location")!).searchParams.get("amount_cents")).toBe("50000");
    await h.emu.settle();
  });

  it("refuses another order's id, a missing one, a foreign key and an unknown client secret, changing nothing", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    const wrong = await put(i.client_secret, { accept_order_id: i.intention_order_id + 1, ...newLines });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toHaveProperty("accept_order_id");
    const missing = await put(i.client_secret, newLines);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ accept_order_id: ["This field is required."] });
    expect((await put(i.client_secret, { accept_order_id: i.intention_order_id }, null)).status).toBe(401);
    expect((await put("egy_csk_test_unknown", { accept_order_id: i.intention_order_id })).status).toBe(404);
    expect((await element(i)).intention_detail.amount).toBe(35_000);
  });

  it("keeps amount and items agreeing: a new amount against the kept items is Paymob's 406", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    const res = await put(i.client_secret, { accept_order_id: i.intention_order_id, amount: 40_000 });
    expect(res.status).toBe(406);
    expect(await res.json()).toMatchObject({ detail: "unmatched_item_prices" });
  });

  it("refuses to change a paid intention", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    await payByCard(h.emu, i, "5123456789012346");
    await h.emu.settle();
    const res = await put(i.client_secret, { accept_order_id: i.intention_order_id, ...newLines });
    expect(res.status).toBe(400);
    expect((await element(i)).intention_detail.amount).toBe(35_000);
  });

  it("the store's client sends Paymob's body (accept_order_id, line totals) and surfaces a refusal as a typed error", async () => {
    const i = await createTestIntention(h.emu, h.receiver.url);
    await updateIntention(config, {
      clientSecret: i.client_secret,
      intentionOrderId: i.intention_order_id,
      amountMinor: 82_500,
      items: [
        { name: "Aswan clay mug", amountMinor: 35_000, quantity: 2 },
        { name: "Shipping", amountMinor: 12_500, quantity: 1 },
      ],
    });
    expect((await element(i)).intention_detail).toMatchObject({
      amount: 82_500,
      items: [{ amount: 70_000 }, { amount: 12_500 }],
    });
    await expect(
      updateIntention(config, { clientSecret: i.client_secret, intentionOrderId: i.intention_order_id + 1 }),
    ).rejects.toBeInstanceOf(PaymobValidationError);
  });
});
