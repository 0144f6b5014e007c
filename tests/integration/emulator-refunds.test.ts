import { describe, expect, it } from "vitest";
import { EMULATOR_API_KEY, EMULATOR_HMAC_SECRET, EMULATOR_SECRET_KEY } from "@/lib/paymob/emulator-credentials";
import { verifyTransaction } from "@/lib/paymob/hmac";
import { useTestDb } from "../helpers/db";
import { createTestIntention, payByCard, type CreatedIntention, useEmulatorHarness } from "../helpers/emulator-server";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb({ seed: false });

type Obj = {
  id: number;
  success: boolean;
  pending: boolean;
  amount_cents: number;
  is_refunded: boolean;
  is_voided: boolean;
  is_refund: boolean;
  is_void: boolean;
  refunded_amount_cents: number;
  has_parent_transaction: boolean;
  parent_transaction: number | null;
  order: { id: number; merchant_order_id: string };
};

describe.skipIf(t.skipped)(`emulator refunds, voids and inquiry on ${testDbTarget()}`, () => {
  const h = useEmulatorHarness();

  const callbacksFor = (i: CreatedIntention) =>
    h.receiver.received.filter((c) => c.path === `/cb/${i.special_reference}`);
  const api = (path: string, body: unknown, auth = `Token ${EMULATOR_SECRET_KEY}`) =>
    fetch(`${h.emu.baseUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: auth },
      body: JSON.stringify(body),
    });

  async function paid(): Promise<{ intention: CreatedIntention; transactionId: number }> {
    const intention = await createTestIntention(h.emu, h.receiver.url);
    const res = await payByCard(h.emu, intention, "5123456789012346");
    await h.emu.settle();
    return { intention, transactionId: Number(new URL(res.headers.get("location")!).searchParams.get("id")) };
  }

  it("refunds partially then fully: a child transaction each, and the parent re-notified with a new signature", async () => {
    const { intention, transactionId } = await paid();
    const first = await api("/api/acceptance/void_refund/refund", {
      transaction_id: transactionId,
      amount_cents: 10_000,
    });
    expect(first.status).toBe(200);
    const child = (await first.json()) as Obj;
    expect(child).toMatchObject({
      success: true,
      pending: false,
      amount_cents: 10_000,
      has_parent_transaction: true,
      parent_transaction: transactionId,
      is_refund: true,
    });
    expect(child.id).not.toBe(transactionId);
    await h.emu.settle();

    const [original, childCallback, parentCallback] = callbacksFor(intention).map((c) => ({
      obj: (c.json as { obj: Obj }).obj,
      hmac: c.query.get("hmac"),
    }));
    for (const c of [original!, childCallback!, parentCallback!])
      expect(verifyTransaction(EMULATOR_HMAC_SECRET, c.obj, c.hmac)).toBe(true);
    expect(childCallback!.obj.id).toBe(child.id);
    expect(parentCallback!.obj).toMatchObject({
      id: transactionId,
      success: true,
      is_refunded: true,
      refunded_amount_cents: 10_000,
      has_parent_transaction: false,
    });
    expect(parentCallback!.hmac).not.toBe(original!.hmac);

    expect(
      (await api("/api/acceptance/void_refund/refund", { transaction_id: transactionId, amount_cents: 25_001 })).status,
    ).toBe(400);
    expect(
      (await api("/api/acceptance/void_refund/refund", { transaction_id: transactionId, amount_cents: 25_000 })).status,
    ).toBe(200);
    await h.emu.settle();
    expect(callbacksFor(intention).at(-1)!.json).toMatchObject({
      obj: { id: transactionId, refunded_amount_cents: 35_000, is_refunded: true },
    });
    const over = await api("/api/acceptance/void_refund/refund", { transaction_id: transactionId, amount_cents: 1 });
    expect(over.status).toBe(400);
    expect(((await over.json()) as { detail: string }).detail).toMatch(/fully refunded/);
    // A refunded payment can no longer be voided.
    expect((await api("/api/acceptance/void_refund/void", { transaction_id: transactionId })).status).toBe(400);
  });

  it("voids a same-day payment: child void transaction, parent re-notified with is_voided", async () => {
    const { intention, transactionId } = await paid();
    const res = await api("/api/acceptance/void_refund/void", { transaction_id: String(transactionId) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      success: true,
      is_void: true,
      has_parent_transaction: true,
      parent_transaction: transactionId,
      amount_cents: 35_000,
    });
    await h.emu.settle();
    const last = callbacksFor(intention).at(-1)!;
    expect(last.json).toMatchObject({ obj: { id: transactionId, is_voided: true } });
    expect(verifyTransaction(EMULATOR_HMAC_SECRET, (last.json as { obj: Obj }).obj, last.query.get("hmac"))).toBe(true);
    expect((await api("/api/acceptance/void_refund/void", { transaction_id: transactionId })).status).toBe(400);
    expect(
      (await api("/api/acceptance/void_refund/refund", { transaction_id: transactionId, amount_cents: 100 })).status,
    ).toBe(400);
  });

  it("validates reversal requests: auth, body, unknown or unsuccessful transactions", async () => {
    const { transactionId } = await paid();
    expect(
      (
        await api(
          "/api/acceptance/void_refund/refund",
          { transaction_id: transactionId, amount_cents: 100 },
          "Token wrong",
        )
      ).status,
    ).toBe(401);
    const missing = await api("/api/acceptance/void_refund/refund", { transaction_id: transactionId });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ amount_cents: ["This field is required."] });
    expect((await api("/api/acceptance/void_refund/refund", { transaction_id: 1, amount_cents: 100 })).status).toBe(
      404,
    );
    const declined = await createTestIntention(h.emu, h.receiver.url);
    const id = new URL(
      (await payByCard(h.emu, declined, "4000000000000002")).headers.get("location")!,
    ).searchParams.get("id");
    expect(
      (await api("/api/acceptance/void_refund/refund", { transaction_id: Number(id), amount_cents: 100 })).status,
    ).toBe(400);
  });

  it("issues auth tokens for the API key, and the inquiry returns the order's latest transaction", async () => {
    expect((await api("/api/auth/tokens", { api_key: "wrong" }, "")).status).toBe(403);
    const auth = await api("/api/auth/tokens", { api_key: EMULATOR_API_KEY }, "");
    expect(auth.status).toBe(201);
    const { token, profile } = (await auth.json()) as { token: string; profile: { id: number } };
    expect(token.split(".")).toHaveLength(3);
    expect(Number.isInteger(profile.id)).toBe(true);

    const intention = await createTestIntention(h.emu, h.receiver.url);
    await payByCard(h.emu, intention, "4000000000000002");
    const approved = Number(
      new URL((await payByCard(h.emu, intention, "5123456789012346")).headers.get("location")!).searchParams.get("id"),
    );
    const byRef = await api(
      "/api/ecommerce/orders/transaction_inquiry",
      { merchant_order_id: intention.special_reference },
      `Bearer ${token}`,
    );
    expect(byRef.status).toBe(200);
    expect(await byRef.json()).toMatchObject({
      id: approved,
      success: true,
      order: { id: intention.intention_order_id, merchant_order_id: intention.special_reference },
    });
    const byOrder = await api(
      "/api/ecommerce/orders/transaction_inquiry",
      { order_id: String(intention.intention_order_id) },
      `Bearer ${token}`,
    );
    expect(((await byOrder.json()) as Obj).id).toBe(approved);

    const one = await fetch(`${h.emu.baseUrl}/api/acceptance/transactions/${approved}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await one.json()).toMatchObject({ id: approved, success: true });

    expect(
      (await api("/api/ecommerce/orders/transaction_inquiry", { merchant_order_id: "no-such" }, `Bearer ${token}`))
        .status,
    ).toBe(404);
    expect(
      (
        await api(
          "/api/ecommerce/orders/transaction_inquiry",
          { order_id: intention.intention_order_id },
          "Bearer forged.token.value",
        )
      ).status,
    ).toBe(401);
    expect(
      (
        await api(
          "/api/ecommerce/orders/transaction_inquiry",
          { order_id: intention.intention_order_id },
          `Token ${EMULATOR_SECRET_KEY}`,
        )
      ).status,
    ).toBe(401);
  });
});
