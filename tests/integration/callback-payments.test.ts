import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders } from "@/db/schema/orders";
import { paymentAttempts } from "@/db/schema/payments";
import { startRetry } from "@/lib/orders/state-machine";
import { processCallback } from "@/lib/payments";
import { useTestDb } from "../helpers/db";
import {
  addAttempt,
  createOrderWithAttempt,
  eventsForTransaction,
  loadOrderState,
  signedToken,
  signedTransaction,
  TEST_HMAC_SECRET,
  transactionFor,
  type SignedCallback,
} from "../helpers/orders";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb({ seed: false });

const deliver = (signed: SignedCallback) => processCallback({ ...signed, hmacSecret: TEST_HMAC_SECRET, db: t.db });

describe.skipIf(t.skipped)(`payment callbacks on ${testDbTarget()}`, () => {
  it("an approved sale of the right amount marks the order and the attempt paid", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    const obj = transactionFor(attempt);
    expect(await deliver(signedTransaction(obj))).toEqual({ status: 200, body: { ok: true, outcome: "applied" } });

    const state = await loadOrderState(t.db, order.id);
    expect(state.order).toMatchObject({ status: "paid", refundedMinor: 0 });
    expect(state.order.paidAt).toBeInstanceOf(Date);
    expect(state.attempt(attempt.id)).toMatchObject({ status: "paid", paymobTransactionId: obj.id });
    expect(state.transactions).toHaveLength(1);
    expect(state.transactions[0]).toMatchObject({
      paymobTransactionId: obj.id,
      fact: "paid",
      fromStatus: "awaiting_payment",
      toStatus: "paid",
    });
    expect(state.events).toHaveLength(1);
    expect(state.events[0]).toMatchObject({
      kind: "TRANSACTION",
      verification: "valid",
      outcome: "applied",
      attemptId: attempt.id,
    });
  });

  it("a declined payment fails the order", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    expect((await deliver(signedTransaction(transactionFor(attempt, { success: false })))).body.outcome).toBe(
      "applied",
    );
    const state = await loadOrderState(t.db, order.id);
    expect(state.order.status).toBe("payment_failed");
    expect(state.order.paidAt).toBeNull();
    expect(state.attempt(attempt.id)?.status).toBe("declined");
    expect(state.events[0]?.detail).toContain("Declined");
  });

  it("pending then approved ends paid; a stale pending or decline afterwards changes nothing", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    const id = transactionFor(attempt).id;
    await deliver(signedTransaction(transactionFor(attempt, { id, success: false, pending: true })));
    let state = await loadOrderState(t.db, order.id);
    expect([state.order.status, state.attempt(attempt.id)?.status]).toEqual(["awaiting_payment", "pending"]);

    await deliver(signedTransaction(transactionFor(attempt, { id })));
    state = await loadOrderState(t.db, order.id);
    expect([state.order.status, state.attempt(attempt.id)?.status]).toEqual(["paid", "paid"]);

    // Out of order: the pending copy is re-delivered and a decline of another try arrives late.
    const stalePending = await deliver(
      signedTransaction(transactionFor(attempt, { id, success: false, pending: true })),
    );
    expect(stalePending).toEqual({ status: 200, body: { ok: true, outcome: "duplicate" } });
    const lateDecline = await deliver(signedTransaction(transactionFor(attempt, { success: false })));
    expect(lateDecline.body.outcome).toBe("stale");
    state = await loadOrderState(t.db, order.id);
    expect([state.order.status, state.attempt(attempt.id)?.status]).toEqual(["paid", "paid"]);
    expect(state.attempt(attempt.id)?.paymobTransactionId).toBe(id);
    expect(state.events.map((e) => e.outcome)).toEqual(["applied", "applied", "duplicate", "stale"]);
  });

  it("approved first, then a pending copy of the same transaction (out of order), stays paid", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    const id = transactionFor(attempt).id;
    await deliver(signedTransaction(transactionFor(attempt, { id })));
    expect(
      (await deliver(signedTransaction(transactionFor(attempt, { id, success: false, pending: true })))).body.outcome,
    ).toBe("stale");
    expect((await loadOrderState(t.db, order.id)).order.status).toBe("paid");
  });

  it.each([
    ["amount", { amount_cents: 34_999 }],
    ["currency", { currency: "USD" }],
  ])("a %s mismatch puts the order in needs_review, never paid", async (_field, overrides) => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    await deliver(signedTransaction(transactionFor(attempt, overrides)));
    const state = await loadOrderState(t.db, order.id);
    expect(state.order.status).toBe("needs_review");
    expect(state.attempt(attempt.id)?.status).toBe("needs_review");
    expect(state.transactions[0]?.fact).toBe("mismatch");
    expect(state.events[0]?.detail).toMatch(/mismatch/);
  });

  it("an unknown Paymob order is acknowledged (200) and stored, and can be replayed later", async () => {
    const { attempt } = await createOrderWithAttempt(t.db);
    const obj = transactionFor(attempt, { orderId: 999_999_999_001, merchantOrderId: "NOT-OURS" });
    expect(await deliver(signedTransaction(obj))).toEqual({
      status: 200,
      body: { ok: true, outcome: "unknown_order" },
    });
    const [event] = await eventsForTransaction(t.db, obj.id);
    expect(event).toMatchObject({
      outcome: "unknown_order",
      verification: "valid",
      orderId: null,
      paymobOrderId: 999_999_999_001,
    });
  });

  it("finds the attempt by special_reference only when Paymob's order id was never recorded", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db, {
      intentionOrderId: null,
      attemptStatus: "creation_failed",
    });
    const paymobOrderId = 777_000_000 + (transactionFor(attempt).id % 1000);
    await deliver(signedTransaction(transactionFor(attempt, { orderId: paymobOrderId })));
    const state = await loadOrderState(t.db, order.id);
    expect(state.order.status).toBe("paid");
    expect(state.attempt(attempt.id)).toMatchObject({ status: "paid", intentionOrderId: paymobOrderId });

    // A signed callback for another Paymob order cannot borrow this attempt's (unsigned) reference.
    const other = await createOrderWithAttempt(t.db);
    const borrowed = transactionFor(other.attempt, {
      orderId: 123_456_789_012,
      merchantOrderId: other.attempt.specialReference,
    });
    expect((await deliver(signedTransaction(borrowed))).body.outcome).toBe("unknown_order");
    expect((await loadOrderState(t.db, other.order.id)).order.status).toBe("awaiting_payment");
  });

  it("Try again: the old attempt's late decline does not fail the new one; a late second payment is flagged", async () => {
    const { order, attempt: first } = await createOrderWithAttempt(t.db);
    await deliver(signedTransaction(transactionFor(first, { success: false })));
    expect((await loadOrderState(t.db, order.id)).order.status).toBe("payment_failed");
    await t.db
      .update(orders)
      .set({ status: startRetry("payment_failed") })
      .where(eq(orders.id, order.id));
    const second = await addAttempt(t.db, order);

    // Another card declined in the old tab: the old attempt was already declined, the new one is untouched.
    expect((await deliver(signedTransaction(transactionFor(first, { success: false })))).body.outcome).toBe("stale");
    expect((await loadOrderState(t.db, order.id)).order.status).toBe("awaiting_payment");

    await deliver(signedTransaction(transactionFor(second)));
    const lateApproval = await deliver(signedTransaction(transactionFor(first)));
    expect(lateApproval.body.outcome).toBe("double_payment");
    const state = await loadOrderState(t.db, order.id);
    expect(state.order.status).toBe("needs_review"); // charged twice: someone has to refund one
    expect(state.attempt(second.id)?.status).toBe("paid");
    expect(state.attempt(first.id)?.status).toBe("needs_review");
  });

  it("an abandoned attempt's decline only marks that attempt", async () => {
    const { order, attempt: abandoned } = await createOrderWithAttempt(t.db);
    const current = await addAttempt(t.db, order);
    expect((await deliver(signedTransaction(transactionFor(abandoned, { success: false })))).body.outcome).toBe(
      "other_attempt",
    );
    const state = await loadOrderState(t.db, order.id);
    expect(state.order.status).toBe("awaiting_payment");
    expect([state.attempt(abandoned.id)?.status, state.attempt(current.id)?.status]).toEqual(["declined", "intended"]);
  });

  it("stores a verified TOKEN callback linked to its order", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    expect(await deliver(signedToken(attempt))).toEqual({ status: 200, body: { ok: true, outcome: "token_stored" } });
    const state = await loadOrderState(t.db, order.id);
    expect(state.events).toHaveLength(1);
    expect(state.events[0]).toMatchObject({
      kind: "TOKEN",
      verification: "valid",
      attemptId: attempt.id,
      outcome: "token_stored",
    });
    expect(state.order.status).toBe("awaiting_payment");

    const [orphan] = await t.db.select().from(paymentAttempts).where(eq(paymentAttempts.id, attempt.id));
    const unknown = signedToken({ ...orphan!, intentionOrderId: 1 });
    expect((await deliver(unknown)).body.outcome).toBe("unknown_order");
  });
});
