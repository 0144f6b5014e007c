import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { processCallback } from "@/lib/payments";
import { useTestDb } from "../helpers/db";
import {
  createOrderWithAttempt,
  eventsForTransaction,
  loadOrderState,
  signedTransaction,
  TEST_HMAC_SECRET,
  transactionFor,
  type SignedCallback,
} from "../helpers/orders";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb({ seed: false });

const deliver = (signed: SignedCallback) => processCallback({ ...signed, hmacSecret: TEST_HMAC_SECRET, db: t.db });

describe.skipIf(t.skipped)(`concurrent and failing callbacks on ${testDbTarget()}`, () => {
  it("50 concurrent identical deliveries: one transition, one transaction row, 50 stored events", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    const obj = transactionFor(attempt);
    const signed = signedTransaction(obj);

    const results = await Promise.all(Array.from({ length: 50 }, () => deliver(signed)));

    expect(results.every((r) => r.status === 200)).toBe(true);
    const outcomes = results.map((r) => r.body.outcome);
    expect(outcomes.filter((o) => o === "applied")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(49);

    const state = await loadOrderState(t.db, order.id);
    expect(state.order.status).toBe("paid");
    expect(state.transactions).toHaveLength(1);
    expect(state.transactions[0]).toMatchObject({ fromStatus: "awaiting_payment", toStatus: "paid" });
    const events = await eventsForTransaction(t.db, obj.id);
    expect(events).toHaveLength(50);
    expect(events.filter((e) => e.outcome === "applied")).toHaveLength(1);
    expect(new Set(events.map((e) => e.rawBody))).toEqual(new Set([signed.rawBody]));
  });

  it("concurrent approval and refund of one order serialize on the order lock", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    const sale = transactionFor(attempt);
    const refundChild = transactionFor(attempt, {
      has_parent_transaction: true,
      parent_transaction: sale.id,
      is_refund: true,
      amount_cents: 5_000,
    });
    await Promise.all([deliver(signedTransaction(sale)), deliver(signedTransaction(refundChild))]);
    const state = await loadOrderState(t.db, order.id);
    // Whichever lands first, the end state is the same: paid, then partially refunded.
    expect(state.order).toMatchObject({ status: "partially_refunded", refundedMinor: 5_000 });
    expect(state.transactions).toHaveLength(2);
  });

  it("a DB failure mid-transaction answers 503, leaves nothing behind, and Paymob's retry then applies", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    const obj = transactionFor(attempt);
    const signed = signedTransaction(obj);

    // The attempt update is the last write of an applied callback: the event, the transaction row and the
    // order update have all run by then, so a rollback is what keeps them from surviving.
    await t.db.execute(
      sql`create or replace function test_fail_attempt_update() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`,
    );
    await t.db.execute(
      sql`create trigger test_fail_attempt_update before update on payment_attempts for each row execute function test_fail_attempt_update()`,
    );
    try {
      expect(await deliver(signed)).toEqual({ status: 503, body: { ok: false, outcome: "error" } });
    } finally {
      await t.db.execute(sql`drop trigger test_fail_attempt_update on payment_attempts`);
    }

    let state = await loadOrderState(t.db, order.id);
    expect(state.order.status).toBe("awaiting_payment");
    expect(state.attempt(attempt.id)?.status).toBe("intended");
    expect(state.transactions).toHaveLength(0);
    expect(await eventsForTransaction(t.db, obj.id)).toHaveLength(0);

    expect(await deliver(signed)).toEqual({ status: 200, body: { ok: true, outcome: "applied" } });
    state = await loadOrderState(t.db, order.id);
    expect([state.order.status, state.attempt(attempt.id)?.status]).toEqual(["paid", "paid"]);
    expect(state.transactions).toHaveLength(1);
    expect(await eventsForTransaction(t.db, obj.id)).toHaveLength(1);
  });
});
