import { afterAll, describe, expect, it, vi } from "vitest";
import { requestAuthorisationVoid, requestCapture, type CaptureGateway } from "@/lib/admin/capture";
import { loadPaymobConfig } from "@/lib/paymob/config";
import { EMULATOR_HMAC_SECRET, EMULATOR_SECRET_KEY } from "@/lib/paymob/emulator-credentials";
import { verifyTransaction } from "@/lib/paymob/hmac";
import { captureTransaction, voidTransaction } from "@/lib/paymob/transactions";
import { processCallback } from "@/lib/payments";
import type { ReceivedCallback } from "../helpers/callback-receiver";
import { useTestAdmin } from "../helpers/admin";
import { useTestDb } from "../helpers/db";
import { createTestIntention, payByCard, type CreatedIntention, useEmulatorHarness } from "../helpers/emulator-server";
import { createOrderWithAttempt, loadOrderState } from "../helpers/orders";
import { testDbTarget } from "../helpers/test-db-target";

// The emulator's auth-only test card and Paymob's capture API: the authorisation, its capture child, the
// re-notified authorisation, and a void that releases the hold — and the same callbacks driving a real order
// through the storefront's callback handler.

const t = useTestDb({ seed: false });
const AUTH_ONLY_CARD = "4000000000000705";

type Obj = {
  id: number;
  success: boolean;
  pending: boolean;
  amount_cents: number;
  is_auth: boolean;
  is_capture: boolean;
  is_voided: boolean;
  is_void: boolean;
  is_captured: boolean;
  captured_amount: number;
  has_parent_transaction: boolean;
  parent_transaction: number | null;
};

const admin = useTestAdmin();
afterAll(() => {
  vi.unstubAllEnvs();
});

describe.skipIf(t.skipped)(`emulator authorisations and captures on ${testDbTarget()}`, () => {
  const h = useEmulatorHarness();

  const callbacksFor = (i: CreatedIntention) =>
    h.receiver.received.filter((c) => c.path === `/cb/${i.special_reference}`);
  const objOf = (c: ReceivedCallback) => (c.json as { obj: Obj }).obj;
  const api = (path: string, body: unknown) =>
    fetch(`${h.emu.baseUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Token ${EMULATOR_SECRET_KEY}` },
      body: JSON.stringify(body),
    });

  async function authorised(): Promise<{ intention: CreatedIntention; authId: number }> {
    const intention = await createTestIntention(h.emu, h.receiver.url);
    const res = await payByCard(h.emu, intention, AUTH_ONLY_CARD);
    expect(res.status).toBe(303);
    const query = new URL(res.headers.get("location")!).searchParams;
    expect([query.get("success"), query.get("is_auth"), query.get("is_capture")]).toEqual(["true", "true", "false"]);
    await h.emu.settle();
    return { intention, authId: Number(query.get("id")) };
  }

  it("the auth-only card authorises; a capture is a child transaction, then the authorisation is re-notified", async () => {
    const { intention, authId } = await authorised();
    const [authCallback] = callbacksFor(intention);
    expect(objOf(authCallback!)).toMatchObject({
      id: authId,
      success: true,
      pending: false,
      is_auth: true,
      is_capture: false,
      has_parent_transaction: false,
      is_captured: false,
    });
    expect(verifyTransaction(EMULATOR_HMAC_SECRET, objOf(authCallback!), authCallback!.query.get("hmac"))).toBe(true);

    const refund = await api("/api/acceptance/void_refund/refund", { transaction_id: authId, amount_cents: 100 });
    expect(refund.status).toBe(400);
    expect(((await refund.json()) as { detail: string }).detail).toMatch(/captured before it can be refunded/);
    expect((await api("/api/acceptance/capture", { transaction_id: authId, amount_cents: 35_001 })).status).toBe(400);
    expect(await (await api("/api/acceptance/capture", { transaction_id: authId })).json()).toEqual({
      amount_cents: ["This field is required."],
    });

    const res = await api("/api/acceptance/capture", { transaction_id: authId, amount_cents: 35_000 });
    expect(res.status).toBe(200);
    const capture = (await res.json()) as Obj;
    expect(capture).toMatchObject({
      success: true,
      pending: false,
      is_auth: false,
      is_capture: true,
      has_parent_transaction: true,
      parent_transaction: authId,
      amount_cents: 35_000,
    });
    await h.emu.settle();

    const [, captureCallback, parentCallback, ...rest] = callbacksFor(intention);
    expect(rest).toHaveLength(0);
    expect(objOf(captureCallback!)).toMatchObject({ id: capture.id, is_capture: true, parent_transaction: authId });
    expect(verifyTransaction(EMULATOR_HMAC_SECRET, objOf(captureCallback!), captureCallback!.query.get("hmac"))).toBe(
      true,
    );
    expect(objOf(parentCallback!)).toMatchObject({
      id: authId,
      is_auth: true,
      is_captured: true,
      captured_amount: 35_000,
    });
    // Nothing Paymob signs changed on the authorisation, so its signature did not either.
    expect(parentCallback!.query.get("hmac")).toBe(authCallback!.query.get("hmac"));

    expect((await api("/api/acceptance/capture", { transaction_id: authId, amount_cents: 35_000 })).status).toBe(400);
    expect((await api("/api/acceptance/void_refund/void", { transaction_id: authId })).status).toBe(400);
    expect((await api("/api/acceptance/capture", { transaction_id: capture.id, amount_cents: 100 })).status).toBe(400);
    // The capture holds the money now: it is what gets refunded.
    expect(
      (await api("/api/acceptance/void_refund/refund", { transaction_id: capture.id, amount_cents: 10_000 })).status,
    ).toBe(200);
  });

  it("voiding an authorisation releases it: void child, authorisation re-notified as voided, no capture afterwards", async () => {
    const { intention, authId } = await authorised();
    const res = await api("/api/acceptance/void_refund/void", { transaction_id: authId });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      is_void: true,
      has_parent_transaction: true,
      parent_transaction: authId,
      amount_cents: 35_000,
    });
    await h.emu.settle();
    const last = callbacksFor(intention).at(-1)!;
    expect(objOf(last)).toMatchObject({ id: authId, is_auth: true, is_voided: true });
    expect(verifyTransaction(EMULATOR_HMAC_SECRET, objOf(last), last.query.get("hmac"))).toBe(true);
    expect((await api("/api/acceptance/capture", { transaction_id: authId, amount_cents: 35_000 })).status).toBe(400);
  });

  describe("driving a storefront order through its callback handler", () => {
    const gateway = (): CaptureGateway => {
      const config = loadPaymobConfig({ APP_URL: h.emu.origin });
      return { capture: (input) => captureTransaction(config, input), void: (input) => voidTransaction(config, input) };
    };
    /** Feeds every callback the emulator sent for the intention since `from` to the storefront, in order. */
    async function forward(intention: CreatedIntention, from: number): Promise<number> {
      const all = callbacksFor(intention);
      for (const c of all.slice(from)) {
        const result = await processCallback({
          rawBody: c.body,
          hmac: c.query.get("hmac"),
          hmacSecret: EMULATOR_HMAC_SECRET,
          db: t.db,
        });
        expect(result.status).toBe(200);
      }
      return all.length;
    }

    it("auth-only card → authorised (not paid); admin Capture → paid", async () => {
      const { intention, authId } = await authorised();
      const { order, attempt } = await createOrderWithAttempt(t.db, {
        amountMinor: 35_000,
        intentionOrderId: intention.intention_order_id,
      });
      let seen = await forward(intention, 0);
      let state = await loadOrderState(t.db, order.id);
      expect(state.order).toMatchObject({ status: "authorised", paidAt: null });

      const form = { reference: order.reference, attemptId: attempt.id, transactionId: String(authId) };
      expect(await requestCapture(admin, t.db, form, gateway())).toMatchObject({ status: "requested" });
      vi.restoreAllMocks();
      // Paymob's answer does not move the order; its callback does.
      expect((await loadOrderState(t.db, order.id)).order.status).toBe("authorised");
      await h.emu.settle();
      seen = await forward(intention, seen);
      state = await loadOrderState(t.db, order.id);
      expect([state.order.status, state.attempt(attempt.id)?.status]).toEqual(["paid", "paid"]);
      expect(state.order.paidAt).toBeInstanceOf(Date);
      expect(state.events.map((e) => e.outcome)).toEqual(["applied", "applied", "duplicate"]);
      expect(seen).toBe(3);
      // Captured once: the admin cannot capture again.
      expect((await requestCapture(admin, t.db, form, gateway())).status).toBe("invalid");
    });

    it("auth-only card → authorised; admin Void → voided, never paid", async () => {
      const { intention, authId } = await authorised();
      const { order, attempt } = await createOrderWithAttempt(t.db, {
        amountMinor: 35_000,
        intentionOrderId: intention.intention_order_id,
      });
      const seen = await forward(intention, 0);
      const form = { reference: order.reference, attemptId: attempt.id, transactionId: String(authId) };
      expect(await requestAuthorisationVoid(admin, t.db, form, gateway())).toMatchObject({ status: "requested" });
      vi.restoreAllMocks();
      await h.emu.settle();
      await forward(intention, seen);
      const state = await loadOrderState(t.db, order.id);
      expect(state.order).toMatchObject({ status: "voided", paidAt: null });
      expect(state.attempt(attempt.id)?.status).toBe("voided");
    });
  });
});
