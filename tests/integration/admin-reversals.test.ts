import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Order } from "@/db/schema/orders";
import type { PaymentAttempt } from "@/db/schema/payments";
import { paymentReversals } from "@/db/schema/reversals";
import { loadAdminOrder } from "@/lib/admin/orders";
import { releaseReversalRequest, requestRefund, requestVoid, type AdminPaymobGateway } from "@/lib/admin/operations";
import { reserveReversal } from "@/lib/admin/reversals";
import { PaymobUnavailableError, PaymobValidationError } from "@/lib/paymob/errors";
import { useTestAdmin } from "../helpers/admin";
import { useTestDb } from "../helpers/db";
import { loadOrderState, nextId } from "../helpers/orders";
import { deliver, fakeGateway, paidOrder, parentRefunded, refundChild, voidChild } from "../helpers/reversals";
import { testDbTarget } from "../helpers/test-db-target";

// Refunds and voids are reserved in the database before Paymob is called: however many requests arrive, in
// sequence or at once, from one module instance or several, Paymob is never asked for more than was captured.

const t = useTestDb({ seed: false });
const admin = useTestAdmin();

type Paid = { order: Order; attempt: PaymentAttempt; sale: { id: number } };
type Operations = { requestRefund: typeof requestRefund; requestVoid: typeof requestVoid };

const refund = (
  paid: Paid,
  amount: string,
  gateway: AdminPaymobGateway,
  ops: Operations = { requestRefund, requestVoid },
) => ops.requestRefund(admin, t.db, { reference: paid.order.reference, attemptId: paid.attempt.id, amount }, gateway);
const voidIt = (paid: Paid, gateway: AdminPaymobGateway, ops: Operations = { requestRefund, requestVoid }) =>
  ops.requestVoid(admin, t.db, { reference: paid.order.reference, attemptId: paid.attempt.id }, gateway);
const reversals = (paid: Paid) =>
  t.db.select().from(paymentReversals).where(eq(paymentReversals.orderId, paid.order.id)).orderBy(paymentReversals.id);

/** A second copy of the admin module, with its own module state: what another server instance would run. */
async function anotherInstance(): Promise<Operations> {
  vi.resetModules();
  return import("@/lib/admin/operations");
}

describe.skipIf(t.skipped)(`refund and void reservations on ${testDbTarget()}`, () => {
  it("three sequential full refunds of one paid order: exactly one reaches Paymob", async () => {
    const paid = await paidOrder(t.db);
    const paymob = fakeGateway();
    const results = [
      await refund(paid, "350.00", paymob.gateway),
      await refund(paid, "350.00", paymob.gateway),
      await refund(paid, "350.00", paymob.gateway),
    ];
    expect(results.map((r) => r.status)).toEqual(["requested", "invalid", "invalid"]);
    expect(results[1]).toMatchObject({ notice: { code: "nothing_to_refund", pendingMinor: 35_000 } });
    expect(paymob.calls).toEqual([
      { kind: "refund", transactionId: paid.sale.id, amountCents: 35_000, childId: expect.any(Number) },
    ]);
    expect(await reversals(paid)).toMatchObject([
      {
        kind: "refund",
        amountMinor: 35_000,
        currency: "EGP",
        status: "pending",
        requestedBy: "admin@example.com",
        childTransactionId: paymob.calls[0]!.childId,
        paymobTransactionId: paid.sale.id,
      },
    ]);
  });

  it("full refunds at once from two module instances reach Paymob once", async () => {
    const paid = await paidOrder(t.db);
    const paymob = fakeGateway();
    const [a, b] = [await anotherInstance(), await anotherInstance()];
    const results = await Promise.all([a, b, a, b, a, b].map((ops) => refund(paid, "350.00", paymob.gateway, ops)));
    expect(results.filter((r) => r.status === "requested")).toHaveLength(1);
    expect(paymob.calls).toHaveLength(1);
  });

  it("N concurrent partial refunds never exceed the captured amount, and take all of it when they fit", async () => {
    const paid = await paidOrder(t.db, 35_000);
    const paymob = fakeGateway();
    const [a, b] = [await anotherInstance(), await anotherInstance()];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => refund(paid, "50.00", paymob.gateway, i % 2 ? a : b)),
    );
    expect(results.filter((r) => r.status === "requested")).toHaveLength(7);
    expect(paymob.sentMinor()).toBe(35_000);

    // Uneven amounts: whatever got through fits, and every refused one did not fit in what was left.
    const other = await paidOrder(t.db, 35_000);
    const amounts = [12_345, 5_000, 20_000, 7_500, 10_000, 3_333, 15_000, 9_999, 1];
    const uneven = fakeGateway();
    const outcomes = await Promise.all(
      amounts.map((minor, i) => refund(other, (minor / 100).toFixed(2), uneven.gateway, i % 2 ? a : b)),
    );
    const sent = uneven.sentMinor();
    expect(sent).toBeLessThanOrEqual(35_000);
    amounts.forEach((minor, i) => {
      if (outcomes[i]?.status !== "requested") expect(minor).toBeGreaterThan(35_000 - sent);
    });
    const rows = await reversals(other);
    expect(rows.reduce((sum, r) => sum + r.amountMinor, 0)).toBe(sent);
    expect(rows.every((r) => r.status === "pending")).toBe(true);
  });

  it("Paymob's refusal releases the reservation: the same refund can be asked again", async () => {
    const paid = await paidOrder(t.db);
    const refusing = fakeGateway(() => {
      throw new PaymobValidationError("refund", { detail: "Transaction is not settled yet" });
    });
    expect(await refund(paid, "350.00", refusing.gateway)).toMatchObject({
      status: "failed",
      notice: { code: "paymob_refused", kind: "refund", reason: expect.stringContaining("not settled yet") },
    });
    const declining = fakeGateway((call) => ({
      id: call.childId,
      success: false,
      pending: false,
      message: "Refund declined by issuer",
    }));
    expect(await refund(paid, "350.00", declining.gateway)).toMatchObject({
      status: "failed",
      notice: { code: "paymob_declined", kind: "refund", said: "Refund declined by issuer" },
    });
    expect(await reversals(paid)).toMatchObject([
      { status: "released", failureReason: expect.stringContaining("not settled yet"), resolvedAt: expect.any(Date) },
      { status: "released", failureReason: expect.stringContaining("declined by issuer") },
    ]);

    const ok = fakeGateway();
    expect((await refund(paid, "350.00", ok.gateway)).status).toBe("requested");
    expect(ok.calls).toHaveLength(1);
  });

  it("an unknown answer (timeout) keeps the amount reserved and says the refund may have happened", async () => {
    const paid = await paidOrder(t.db);
    const silent = fakeGateway(() => {
      throw new PaymobUnavailableError("timeout", null, "Paymob did not answer refund within 15000 ms");
    });
    const result = await refund(paid, "200.00", silent.gateway);
    expect(result).toMatchObject({
      status: "uncertain",
      notice: { code: "paymob_unconfirmed", kind: "refund", amountMinor: 20_000 },
    });
    const broken = fakeGateway(() => {
      throw new TypeError("fetch failed");
    });
    expect((await refund(paid, "100.00", broken.gateway)).status).toBe("uncertain");
    expect(await reversals(paid)).toMatchObject([
      { status: "pending", childTransactionId: null, failureReason: expect.stringContaining("within 15000 ms") },
      { status: "pending", childTransactionId: null, failureReason: expect.stringContaining("fetch failed") },
    ]);
    const ok = fakeGateway();
    expect(await refund(paid, "50.01", ok.gateway)).toMatchObject({
      status: "invalid",
      notice: { code: "refund_exceeds", currency: "EGP" },
    });
    expect(ok.calls).toHaveLength(0);

    // It had happened: Paymob's callback names a child we never heard of, with the reserved amount.
    const child = nextId();
    expect(await deliver(t.db, refundChild(paid.attempt, paid.sale.id, child, 20_000))).toBe("applied");
    expect(await reversals(paid)).toMatchObject([
      { status: "settled", childTransactionId: child },
      { status: "pending" },
    ]);
    expect((await loadOrderState(t.db, paid.order.id)).order).toMatchObject({
      status: "partially_refunded",
      refundedMinor: 20_000,
    });
    // Still only 50 left: 200 refunded, 100 unknown.
    expect((await refund(paid, "50.01", ok.gateway)).status).toBe("invalid");
    expect((await refund(paid, "50.00", ok.gateway)).status).toBe("requested");
  });

  it("the callback settles the reservation it reports: a child by its id, a re-notified parent by its total", async () => {
    const paid = await paidOrder(t.db);
    const paymob = fakeGateway();
    expect((await refund(paid, "100.00", paymob.gateway)).status).toBe("requested");
    const first = paymob.calls[0]!.childId;
    expect(await deliver(t.db, refundChild(paid.attempt, paid.sale.id, first, 10_000))).toBe("applied");
    expect(await reversals(paid)).toMatchObject([
      { status: "settled", childTransactionId: first, resolvedAt: expect.any(Date), failureReason: null },
    ]);

    // The rest: refundable is captured − verified refunds, not lowered by the settled reservation again.
    expect((await refund(paid, "250.00", paymob.gateway)).status).toBe("requested");
    const second = paymob.calls[1]!.childId;
    // Paymob re-notifies the parent with its running total before the child arrives.
    expect(await deliver(t.db, parentRefunded(paid.attempt, paid.sale.id, 35_000))).toBe("applied");
    expect((await reversals(paid)).map((r) => r.status)).toEqual(["settled", "settled"]);
    // The late child changes nothing more.
    await deliver(t.db, refundChild(paid.attempt, paid.sale.id, second, 25_000));
    expect(await reversals(paid)).toMatchObject([
      { childTransactionId: first },
      { status: "settled", childTransactionId: second },
    ]);
    expect((await loadOrderState(t.db, paid.order.id)).order).toMatchObject({
      status: "refunded",
      refundedMinor: 35_000,
    });
    expect((await refund(paid, "0.01", paymob.gateway)).status).toBe("invalid");
    expect(paymob.calls).toHaveLength(2);
  });

  it("a callback that arrives before Paymob's answer settles the reservation all the same", async () => {
    const paid = await paidOrder(t.db);
    const fast = fakeGateway(async (call) => {
      expect(await deliver(t.db, refundChild(paid.attempt, paid.sale.id, call.childId, call.amountCents!))).toBe(
        "applied",
      );
    });
    expect((await refund(paid, "120.00", fast.gateway)).status).toBe("requested");
    expect(await reversals(paid)).toMatchObject([{ status: "settled", childTransactionId: fast.calls[0]!.childId }]);
    expect((await refund(paid, "230.00", fast.gateway)).status).toBe("requested");
    expect((await loadOrderState(t.db, paid.order.id)).order).toMatchObject({
      status: "refunded",
      refundedMinor: 35_000,
    });
  });

  it("a declined refund child in the callback releases its reservation", async () => {
    const paid = await paidOrder(t.db);
    const silent = fakeGateway(() => {
      throw new PaymobUnavailableError("network", null, "socket hang up");
    });
    expect((await refund(paid, "350.00", silent.gateway)).status).toBe("uncertain");
    expect(await deliver(t.db, refundChild(paid.attempt, paid.sale.id, nextId(), 35_000, false))).toBe("ignored");
    expect(await reversals(paid)).toMatchObject([
      { status: "released", failureReason: expect.stringContaining("declined") },
    ]);
    expect((await refund(paid, "350.00", fakeGateway().gateway)).status).toBe("requested");
  });

  it("a void reserves the whole capture; a refund waits for it, and a void waits for a pending refund", async () => {
    const paid = await paidOrder(t.db);
    const paymob = fakeGateway();
    expect((await voidIt(paid, paymob.gateway)).status).toBe("requested");
    expect(await reversals(paid)).toMatchObject([{ kind: "void", amountMinor: 35_000, status: "pending" }]);
    expect(await refund(paid, "1.00", paymob.gateway)).toMatchObject({
      status: "invalid",
      notice: { code: "payment_void_pending" },
    });
    expect((await voidIt(paid, paymob.gateway)).status).toBe("invalid");
    expect(paymob.calls).toHaveLength(1);
    expect(await deliver(t.db, voidChild(paid.attempt, paid.sale.id, paymob.calls[0]!.childId))).toBe("applied");
    expect(await reversals(paid)).toMatchObject([{ status: "settled" }]);
    expect((await loadOrderState(t.db, paid.order.id)).order.status).toBe("voided");
    expect((await refund(paid, "1.00", paymob.gateway)).status).toBe("invalid");

    const other = await paidOrder(t.db);
    const silent = fakeGateway(() => {
      throw new PaymobUnavailableError("timeout", null, "no answer");
    });
    expect((await refund(other, "1.00", silent.gateway)).status).toBe("uncertain");
    expect(await voidIt(other, paymob.gateway)).toMatchObject({
      status: "invalid",
      notice: { code: "refund_pending" },
    });
    expect(paymob.calls).toHaveLength(1);
  });

  it("the child Paymob's answer named settles its request, whatever the child turned out to be", async () => {
    const paid = await paidOrder(t.db);
    const paymob = fakeGateway();
    expect((await voidIt(paid, paymob.gateway)).status).toBe("requested");
    // Paymob reversed only part of it: counted as the refund it is, and the void request is over.
    const partial = { ...voidChild(paid.attempt, paid.sale.id, paymob.calls[0]!.childId), amount_cents: 20_000 };
    expect(await deliver(t.db, partial)).toBe("applied");
    expect(await reversals(paid)).toMatchObject([{ kind: "void", status: "settled" }]);
    expect((await refund(paid, "150.01", paymob.gateway)).status).toBe("invalid");
    expect((await refund(paid, "150.00", paymob.gateway)).status).toBe("requested");
  });

  it("the database refuses a second live void of one payment, even past the application check", async () => {
    const paid = await paidOrder(t.db);
    const row = {
      orderId: paid.order.id,
      attemptId: paid.attempt.id,
      paymobTransactionId: paid.sale.id,
      kind: "void" as const,
      amountMinor: 35_000,
      currency: "EGP",
      requestedBy: "x",
    };
    await t.db.insert(paymentReversals).values(row);
    await expect(t.db.insert(paymentReversals).values(row)).rejects.toThrow();
    await expect(t.db.insert(paymentReversals).values({ ...row, kind: "refund", amountMinor: 0 })).rejects.toThrow();
  });

  it("an admin can release a request Paymob never confirmed, but not one it confirmed or one still running", async () => {
    const paid = await paidOrder(t.db);
    const silent = fakeGateway(() => {
      throw new PaymobUnavailableError("timeout", null, "no answer");
    });
    expect((await refund(paid, "300.00", silent.gateway)).status).toBe("uncertain");
    expect((await refund(paid, "40.00", fakeGateway().gateway)).status).toBe("requested");
    const running = await reserveReversal(t.db, {
      kind: "refund",
      amountMinor: 1,
      attemptId: paid.attempt.id,
      transactionId: paid.sale.id,
      requestedBy: "other@example.com",
    });
    if (!running.ok) throw new Error(`reservation refused: ${running.reason}`);
    const [unconfirmed, answered] = await reversals(paid);
    const release = (id: number) =>
      releaseReversalRequest(admin, t.db, { reference: paid.order.reference, reversalId: String(id) });

    expect((await release(answered!.id)).status).toBe("invalid");
    expect((await release(running.reversal.id)).status).toBe("invalid");
    expect(
      (await releaseReversalRequest(null, t.db, { reference: paid.order.reference, reversalId: unconfirmed!.id }))
        .status,
    ).toBe("refused");
    expect(await release(unconfirmed!.id)).toMatchObject({ status: "released" });
    expect((await reversals(paid))[0]).toMatchObject({
      status: "released",
      failureReason: expect.stringContaining("released by admin@example.com"),
    });
    // A request older than any Paymob call can take is no longer running.
    await t.db
      .update(paymentReversals)
      .set({ createdAt: sql`now() - interval '3 minutes'` })
      .where(eq(paymentReversals.id, running.reversal.id));
    expect((await release(running.reversal.id)).status).toBe("released");
  });

  it("the admin order page lists each payment's requests", async () => {
    const paid = await paidOrder(t.db);
    expect((await refund(paid, "10.00", fakeGateway().gateway)).status).toBe("requested");
    const detail = await loadAdminOrder(admin, t.db, paid.order.reference);
    expect(detail?.attempts[0]?.reversals).toMatchObject([{ kind: "refund", amountMinor: 1_000, status: "pending" }]);
  });
});
