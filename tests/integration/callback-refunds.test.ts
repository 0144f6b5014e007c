import { describe, expect, it } from "vitest";
import { processCallback, replayEvent, ReplayError } from "@/lib/payments";
import { useTestDb } from "../helpers/db";
import {
  addAttempt,
  createOrderWithAttempt,
  eventsForTransaction,
  loadOrderState,
  signedTransaction,
  TEST_HMAC_SECRET,
  transactionFor,
  type SignedCallback,
} from "../helpers/orders";
import { testDbTarget } from "../helpers/test-db-target";
import type { PaymentAttempt } from "@/db/schema/payments";

const t = useTestDb({ seed: false });

const deliver = async (signed: SignedCallback) =>
  (await processCallback({ ...signed, hmacSecret: TEST_HMAC_SECRET, db: t.db })).body.outcome;

/** A paid order of 350.00 EGP and its approved sale. */
async function paidOrder() {
  const { order, attempt } = await createOrderWithAttempt(t.db, { amountMinor: 35_000 });
  const sale = transactionFor(attempt);
  const approval = signedTransaction(sale);
  expect(await deliver(approval)).toBe("applied");
  return { order, attempt, sale, approval };
}

const refundChild = (attempt: PaymentAttempt, parent: number, amount: number, extra = {}) =>
  transactionFor(attempt, {
    has_parent_transaction: true,
    parent_transaction: parent,
    is_refund: true,
    amount_cents: amount,
    ...extra,
  });
const parentRenotified = (
  attempt: PaymentAttempt,
  parent: number,
  flags: { is_refunded?: boolean; is_voided?: boolean; refunded_amount_cents?: number },
) => transactionFor(attempt, { id: parent, ...flags });

describe.skipIf(t.skipped)(`refunds, voids and replays on ${testDbTarget()}`, () => {
  it("a full refund child, then the parent's re-notification: refunded once", async () => {
    const { order, attempt, sale } = await paidOrder();
    expect(await deliver(signedTransaction(refundChild(attempt, sale.id, 35_000)))).toBe("applied");
    let state = await loadOrderState(t.db, order.id);
    expect(state.order).toMatchObject({ status: "refunded", refundedMinor: 35_000 });
    expect(state.attempt(attempt.id)).toMatchObject({ status: "refunded", paymobTransactionId: sale.id });

    expect(
      await deliver(
        signedTransaction(parentRenotified(attempt, sale.id, { is_refunded: true, refunded_amount_cents: 35_000 })),
      ),
    ).toBe("stale");
    state = await loadOrderState(t.db, order.id);
    expect(state.order).toMatchObject({ status: "refunded", refundedMinor: 35_000 });
    expect(state.transactions.map((tx) => [tx.fact, tx.toStatus])).toEqual([
      ["paid", "paid"],
      ["refund", "refunded"],
      ["refund", "refunded"],
    ]);
  });

  it("partial refunds: parent first, children after, never double counted, full at the end", async () => {
    const { order, attempt, sale } = await paidOrder();
    expect(
      await deliver(
        signedTransaction(parentRenotified(attempt, sale.id, { is_refunded: true, refunded_amount_cents: 10_000 })),
      ),
    ).toBe("applied");
    expect((await loadOrderState(t.db, order.id)).order).toMatchObject({
      status: "partially_refunded",
      refundedMinor: 10_000,
    });

    expect(await deliver(signedTransaction(refundChild(attempt, sale.id, 10_000)))).toBe("stale"); // the same 100.00
    expect((await loadOrderState(t.db, order.id)).order.refundedMinor).toBe(10_000);

    expect(await deliver(signedTransaction(refundChild(attempt, sale.id, 5_000)))).toBe("refund_recorded");
    expect((await loadOrderState(t.db, order.id)).order).toMatchObject({
      status: "partially_refunded",
      refundedMinor: 15_000,
    });

    expect(await deliver(signedTransaction(refundChild(attempt, sale.id, 20_000)))).toBe("applied");
    expect((await loadOrderState(t.db, order.id)).order).toMatchObject({ status: "refunded", refundedMinor: 35_000 });
  });

  it("a failed refund attempt changes nothing", async () => {
    const { order, attempt, sale } = await paidOrder();
    expect(await deliver(signedTransaction(refundChild(attempt, sale.id, 35_000, { success: false })))).toBe("ignored");
    expect((await loadOrderState(t.db, order.id)).order).toMatchObject({ status: "paid", refundedMinor: 0 });
  });

  it("a void child, then the parent re-notified with is_voided: voided", async () => {
    const { order, attempt, sale } = await paidOrder();
    const voidChild = transactionFor(attempt, {
      has_parent_transaction: true,
      parent_transaction: sale.id,
      is_void: true,
    });
    expect(await deliver(signedTransaction(voidChild))).toBe("applied");
    expect(await deliver(signedTransaction(parentRenotified(attempt, sale.id, { is_voided: true })))).toBe("stale");
    const state = await loadOrderState(t.db, order.id);
    expect([state.order.status, state.attempt(attempt.id)?.status]).toEqual(["voided", "voided"]);
  });

  it("a parent re-notified as voided on its own voids the order", async () => {
    const { order, attempt, sale } = await paidOrder();
    expect(await deliver(signedTransaction(parentRenotified(attempt, sale.id, { is_voided: true })))).toBe("applied");
    expect((await loadOrderState(t.db, order.id)).order.status).toBe("voided");
  });

  it("finds a refund child through its parent transaction when it carries another Paymob order id", async () => {
    const { order, attempt, sale } = await paidOrder();
    const child = refundChild(attempt, sale.id, 35_000, { orderId: 987_654_321_000, merchantOrderId: null });
    expect(await deliver(signedTransaction(child))).toBe("applied");
    expect((await loadOrderState(t.db, order.id)).order.status).toBe("refunded");
  });

  it("an old approval replayed after a refund never un-refunds the order", async () => {
    const { order, attempt, sale, approval } = await paidOrder();
    await deliver(signedTransaction(refundChild(attempt, sale.id, 35_000)));

    expect(await deliver(approval)).toBe("duplicate"); // the very same delivery again
    const [original] = await eventsForTransaction(t.db, sale.id);
    expect((await replayEvent(t.db, original!.id)).outcome).toBe("duplicate"); // admin "Replay"
    const reissued = transactionFor(attempt, { id: sale.id, message: "Approved (resent)" });
    reissued.created_at = "2026-11-24T12:00:00.999999"; // a differently signed copy of the approval
    expect(await deliver(signedTransaction(reissued))).toBe("stale");

    const state = await loadOrderState(t.db, order.id);
    expect(state.order).toMatchObject({ status: "refunded", refundedMinor: 35_000 });
    expect(state.events.filter((e) => e.source === "replay")).toHaveLength(1);
  });

  it("replaying an event that found no order applies it once the attempt exists", async () => {
    const { order, attempt: first } = await createOrderWithAttempt(t.db);
    // Paymob's callback for an intention whose attempt row this app has not written yet.
    const futureOrderId = 555_000_000_000 + Math.floor(Math.random() * 1e6);
    const early = transactionFor({ ...first, intentionOrderId: futureOrderId }, { merchantOrderId: null });
    expect(await deliver(signedTransaction(early))).toBe("unknown_order");
    const [event] = await eventsForTransaction(t.db, early.id);

    const attempt = await addAttempt(t.db, order, { intentionOrderId: futureOrderId });
    expect((await replayEvent(t.db, event!.id)).outcome).toBe("applied");
    expect((await replayEvent(t.db, event!.id)).outcome).toBe("duplicate");
    const state = await loadOrderState(t.db, order.id);
    expect([state.order.status, state.attempt(attempt.id)?.status]).toEqual(["paid", "paid"]);
  });

  it("refuses to replay unverified or missing events", async () => {
    const { attempt } = await createOrderWithAttempt(t.db);
    const forged = transactionFor(attempt);
    await processCallback({ ...signedTransaction(forged, "not the secret"), hmacSecret: TEST_HMAC_SECRET, db: t.db });
    const [rejected] = await eventsForTransaction(t.db, forged.id);
    await expect(replayEvent(t.db, rejected!.id)).rejects.toMatchObject({
      name: "ReplayError",
      code: "not_replayable",
    });
    await expect(replayEvent(t.db, 9_007_199_254)).rejects.toBeInstanceOf(ReplayError);
  });
});
