import { afterAll, describe, expect, it, vi } from "vitest";
import type { PaymentAttempt } from "@/db/schema/payments";
import { loadAdminOrder } from "@/lib/admin/orders";
import { requestRefund, type AdminPaymobGateway } from "@/lib/admin/operations";
import { processCallback } from "@/lib/payments";
import { useTestAdmin } from "../helpers/admin";
import { useTestDb } from "../helpers/db";
import {
  createOrderWithAttempt,
  loadOrderState,
  signedTransaction,
  TEST_HMAC_SECRET,
  transactionFor,
  type SignedCallback,
  type TxOverrides,
} from "../helpers/orders";
import { testDbTarget } from "../helpers/test-db-target";

// The money flags that must never read as "paid", through the real callback path (signed callbacks, the
// route's processCallback, the database): authorisations, captures and their voids, success with
// error_occured, and a second capture of an order that is already paid.

const t = useTestDb({ seed: false });

const deliver = async (signed: SignedCallback) =>
  (await processCallback({ ...signed, hmacSecret: TEST_HMAC_SECRET, db: t.db })).body.outcome;
const send = (attempt: PaymentAttempt, overrides: TxOverrides = {}) => {
  const obj = transactionFor(attempt, overrides);
  return { obj, signed: signedTransaction(obj) };
};
const captureOf = (attempt: PaymentAttempt, authId: number, overrides: TxOverrides = {}) =>
  send(attempt, { has_parent_transaction: true, parent_transaction: authId, is_capture: true, ...overrides });

const admin = useTestAdmin();
afterAll(() => {
  vi.unstubAllEnvs();
});

describe.skipIf(t.skipped)(`authorisations, captures and second charges on ${testDbTarget()}`, () => {
  it("an authorisation (is_auth, not captured) makes the order authorised, never paid", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    const auth = send(attempt, { is_auth: true });
    expect(await deliver(auth.signed)).toBe("applied");
    const state = await loadOrderState(t.db, order.id);
    expect(state.order).toMatchObject({ status: "authorised", paidAt: null });
    expect(state.attempt(attempt.id)).toMatchObject({ status: "authorised", paymobTransactionId: auth.obj.id });
    expect(state.transactions[0]).toMatchObject({
      fact: "authorised",
      fromStatus: "awaiting_payment",
      toStatus: "authorised",
    });
    expect(state.events[0]?.detail).toMatch(/authorised, not captured/);
    expect(await deliver(auth.signed)).toBe("duplicate");
  });

  it("the capture's callback moves an authorised order to paid; the authorisation's re-notification changes nothing", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    const auth = send(attempt, { is_auth: true });
    await deliver(auth.signed);
    const capture = captureOf(attempt, auth.obj.id);
    expect(await deliver(capture.signed)).toBe("applied");

    let state = await loadOrderState(t.db, order.id);
    expect(state.order.status).toBe("paid");
    expect(state.order.paidAt).toBeInstanceOf(Date);
    // Refunds and voids now go to the capture, the transaction that took the money.
    expect(state.attempt(attempt.id)).toMatchObject({ status: "paid", paymobTransactionId: capture.obj.id });
    expect(state.transactions.map((x) => [x.fact, x.isCapture, x.toStatus])).toEqual([
      ["authorised", false, "authorised"],
      ["paid", true, "paid"],
    ]);

    // Paymob re-notifies the authorisation after the capture; its signed fields are unchanged.
    expect(await deliver(auth.signed)).toBe("duplicate");
    // Even a re-notification that also says is_capture is the same authorisation, not a second charge.
    expect(await deliver(send(attempt, { id: auth.obj.id, is_auth: true, is_capture: true }).signed)).toBe("stale");
    state = await loadOrderState(t.db, order.id);
    expect([state.order.status, state.attempt(attempt.id)?.status]).toEqual(["paid", "paid"]);

    // A refund of the capture (its child, then the capture re-notified) refunds the order once.
    expect(
      await deliver(
        send(attempt, {
          has_parent_transaction: true,
          parent_transaction: capture.obj.id,
          is_refund: true,
          amount_cents: 35_000,
        }).signed,
      ),
    ).toBe("applied");
    expect(
      await deliver(
        captureOf(attempt, auth.obj.id, { id: capture.obj.id, is_refunded: true, refunded_amount_cents: 35_000 })
          .signed,
      ),
    ).toBe("stale");
    expect((await loadOrderState(t.db, order.id)).order).toMatchObject({ status: "refunded", refundedMinor: 35_000 });
  });

  it("a capture that arrives before its authorisation still pays; the late authorisation changes nothing", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    const auth = send(attempt, { is_auth: true });
    expect(await deliver(captureOf(attempt, auth.obj.id).signed)).toBe("applied");
    expect(await deliver(auth.signed)).toBe("stale");
    expect((await loadOrderState(t.db, order.id)).order.status).toBe("paid");
  });

  it("a capture of another amount needs review, never paid", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    const auth = send(attempt, { is_auth: true });
    await deliver(auth.signed);
    await deliver(captureOf(attempt, auth.obj.id, { amount_cents: 20_000 }).signed);
    const state = await loadOrderState(t.db, order.id);
    expect([state.order.status, state.attempt(attempt.id)?.status]).toEqual(["needs_review", "needs_review"]);
  });

  it("voiding an authorisation voids the order; nothing was ever paid", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    const auth = send(attempt, { is_auth: true });
    await deliver(auth.signed);
    const voidChild = send(attempt, { has_parent_transaction: true, parent_transaction: auth.obj.id, is_void: true });
    expect(await deliver(voidChild.signed)).toBe("applied");
    expect(await deliver(send(attempt, { id: auth.obj.id, is_auth: true, is_voided: true }).signed)).toBe("stale");
    const state = await loadOrderState(t.db, order.id);
    expect(state.order).toMatchObject({ status: "voided", paidAt: null, refundedMinor: 0 });
    expect(state.attempt(attempt.id)?.status).toBe("voided");
    // A capture of a voided authorisation cannot bring it back.
    expect(await deliver(captureOf(attempt, auth.obj.id).signed)).toBe("stale");
    expect((await loadOrderState(t.db, order.id)).order.status).toBe("voided");
  });

  it("success with error_occured is never paid: order and attempt need review, and the event says why", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    expect(await deliver(send(attempt, { error_occured: true }).signed)).toBe("applied");
    const state = await loadOrderState(t.db, order.id);
    expect(state.order).toMatchObject({ status: "needs_review", paidAt: null });
    expect(state.attempt(attempt.id)?.status).toBe("needs_review");
    expect(state.transactions[0]?.fact).toBe("errored");
    expect(state.events[0]?.detail).toMatch(/error_occured/);
  });

  it("a second capture with another transaction id on a paid order: needs review, both captures on the admin page, the extra one refundable", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    const first = send(attempt);
    await deliver(first.signed);
    const second = send(attempt); // another successful sale of the same intention: the customer paid twice
    expect(await deliver(second.signed)).toBe("double_payment");
    expect(await deliver(second.signed)).toBe("duplicate"); // the identical re-delivery stays a no-op

    let state = await loadOrderState(t.db, order.id);
    expect([state.order.status, state.attempt(attempt.id)?.status]).toEqual(["needs_review", "needs_review"]);
    expect(state.attempt(attempt.id)?.paymobTransactionId).toBe(first.obj.id);
    expect(state.events.map((e) => e.outcome)).toEqual(["applied", "double_payment", "duplicate"]);
    expect(state.events[1]?.detail).toMatch(/second charge/);

    const detail = await loadAdminOrder(admin, t.db, order.reference);
    const ledger = detail!.attempts[0]!.ledger;
    expect(ledger.captures).toEqual([
      expect.objectContaining({
        transactionId: first.obj.id,
        capturedMinor: 35_000,
        extra: false,
        refundableMinor: 35_000,
      }),
      expect.objectContaining({
        transactionId: second.obj.id,
        capturedMinor: 35_000,
        extra: true,
        refundableMinor: 35_000,
      }),
    ]);
    expect(ledger.capturedTransactionId).toBe(first.obj.id);

    // The admin refunds the extra capture: Paymob is asked to refund exactly that transaction, for its amount.
    const calls: unknown[] = [];
    const answer = (id: number) => ({ id, success: true, pending: false });
    const gateway: AdminPaymobGateway = {
      refund: async (input) => {
        calls.push(input);
        return answer(second.obj.id + 1_000);
      },
      void: async () => answer(second.obj.id + 2_000),
    };
    const refund = await requestRefund(
      admin,
      t.db,
      { reference: order.reference, attemptId: attempt.id, transactionId: String(second.obj.id), amount: "350.00" },
      gateway,
    );
    vi.restoreAllMocks();
    expect(refund.status).toBe("requested");
    expect(calls).toEqual([{ transactionId: second.obj.id, amountCents: 35_000 }]);

    // Its callback gives the second charge back; the order's own payment is untouched.
    expect(
      await deliver(
        send(attempt, {
          has_parent_transaction: true,
          parent_transaction: second.obj.id,
          is_refund: true,
          amount_cents: 35_000,
        }).signed,
      ),
    ).toBe("extra_capture_reversed");
    expect(
      await deliver(send(attempt, { id: second.obj.id, is_refunded: true, refunded_amount_cents: 35_000 }).signed),
    ).toBe("extra_capture_reversed");
    state = await loadOrderState(t.db, order.id);
    expect(state.order).toMatchObject({ status: "needs_review", refundedMinor: 0 });
    const after = (await loadAdminOrder(admin, t.db, order.reference))!.attempts[0]!.ledger;
    expect(after.captures.map((c) => [c.transactionId, c.refundedMinor, c.refundableMinor])).toEqual([
      [first.obj.id, 0, 35_000],
      [second.obj.id, 35_000, 0],
    ]);
  });

  it("two captures of one authorisation: the second is a second charge", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    const auth = send(attempt, { is_auth: true });
    await deliver(auth.signed);
    expect(await deliver(captureOf(attempt, auth.obj.id).signed)).toBe("applied");
    expect(await deliver(captureOf(attempt, auth.obj.id).signed)).toBe("double_payment");
    const state = await loadOrderState(t.db, order.id);
    expect([state.order.status, state.attempt(attempt.id)?.status]).toEqual(["needs_review", "needs_review"]);
    const ledger = (await loadAdminOrder(admin, t.db, order.reference))!.attempts[0]!.ledger;
    expect(ledger.captures.map((c) => c.extra)).toEqual([false, true]);
    expect(ledger.authorisations).toEqual([
      expect.objectContaining({ transactionId: auth.obj.id, captured: true, canCapture: false, canVoid: false }),
    ]);
  });
});
