import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { orderLines, orders } from "@/db/schema/orders";
import { paymentAttempts, paymentEvents, paymentTransactions } from "@/db/schema/payments";
import { AdminRefusal, asAdmin } from "@/lib/admin/guard";
import { listAdminOrders, loadAdminOrder, parseAdminOrderFilter } from "@/lib/admin/orders";
import {
  replayOrderEvent,
  requestRefund,
  requestVoid,
  type AdminPaymobGateway,
  type Replayer,
} from "@/lib/admin/operations";
import type { Viewer } from "@/lib/auth/session";
import { logger } from "@/lib/logger";
import { PaymobValidationError } from "@/lib/paymob/errors";
import { processCallback, replayEvent } from "@/lib/payments";
import { testViewer } from "../helpers/admin";
import { useTestDb } from "../helpers/db";
import {
  createOrderWithAttempt,
  loadOrderState,
  nextId,
  signedTransaction,
  TEST_HMAC_SECRET,
  transactionFor,
} from "../helpers/orders";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb({ seed: false });

const admin = testViewer("admin@example.com");
const NON_ADMINS: [string, Viewer | null][] = [
  ["signed out", null],
  ["a customer", testViewer("customer@example.com")],
  ["a listed email the sign-in did not verify", testViewer("admin@example.com", null)],
  ["a look-alike address", testViewer("admin@example.com.evil.test")],
];

beforeAll(() => {
  vi.stubEnv("ADMIN_EMAILS", " Admin@Example.com , ops@example.com,");
});
afterAll(() => {
  vi.unstubAllEnvs();
});

function recordingGateway(fail?: Error) {
  const calls: unknown[] = [];
  const gateway: AdminPaymobGateway = {
    refund: async (input) => {
      calls.push({ refund: input });
      if (fail) throw fail;
      return { id: nextId(), success: true, pending: false };
    },
    void: async (input) => {
      calls.push({ void: input });
      if (fail) throw fail;
      return { id: nextId(), success: true, pending: false };
    },
  };
  return { gateway, calls };
}

/** A paid order, paid through a verified callback exactly as in production. */
async function paidOrder(amountMinor = 35_000) {
  const { order, attempt } = await createOrderWithAttempt(t.db, { amountMinor });
  const sale = transactionFor(attempt);
  const result = await processCallback({ ...signedTransaction(sale), hmacSecret: TEST_HMAC_SECRET, db: t.db });
  expect(result.body.outcome).toBe("applied");
  const [event] = await t.db.select().from(paymentEvents).where(eq(paymentEvents.orderId, order.id));
  return { order, attempt, sale, eventId: event!.id };
}

async function snapshot() {
  const [o] = await t.db.select({ n: count() }).from(orders);
  const [e] = await t.db.select({ n: count() }).from(paymentEvents);
  const [x] = await t.db.select({ n: count() }).from(paymentTransactions);
  const rows = await t.db
    .select({ id: orders.id, status: orders.status, refunded: orders.refundedMinor, updatedAt: orders.updatedAt })
    .from(orders);
  const attempts = await t.db.select({ id: paymentAttempts.id, status: paymentAttempts.status }).from(paymentAttempts);
  return { counts: [o?.n, e?.n, x?.n], rows, attempts };
}

describe("who is an admin (pure rule)", () => {
  it.each(NON_ADMINS)("refuses %s", (_name, v) => {
    expect(asAdmin(v)).toBeNull();
  });
  it("accepts a verified listed email, case- and space-insensitively", () => {
    expect(asAdmin(admin)).toMatchObject({ verifiedEmail: "admin@example.com", isAdmin: true });
    expect(asAdmin(testViewer("OPS@example.com"))).not.toBeNull();
  });
  it("nobody is an admin when ADMIN_EMAILS is empty or unset", () => {
    expect(asAdmin(admin, { ADMIN_EMAILS: "" })).toBeNull();
    expect(asAdmin(admin, {})).toBeNull();
  });
});

describe.skipIf(t.skipped)(`admin on ${testDbTarget()}`, () => {
  it.each(NON_ADMINS)(
    "%s is refused by every admin action and data function, and nothing changes",
    async (_name, who) => {
      const { order, attempt, eventId } = await paidOrder();
      const { gateway, calls } = recordingGateway();
      const replay = vi.fn<Replayer>(replayEvent);
      const before = await snapshot();

      const refused = { status: "refused", notice: { code: "not_admin" } };
      expect(
        await requestRefund(who, t.db, { reference: order.reference, attemptId: attempt.id, amount: "10.00" }, gateway),
      ).toEqual(refused);
      expect(await requestVoid(who, t.db, { reference: order.reference, attemptId: attempt.id }, gateway)).toEqual(
        refused,
      );
      expect(await replayOrderEvent(who, t.db, { reference: order.reference, eventId }, replay)).toEqual(refused);
      await expect(listAdminOrders(who, t.db, parseAdminOrderFilter({}))).rejects.toBeInstanceOf(AdminRefusal);
      await expect(loadAdminOrder(who, t.db, order.reference)).rejects.toBeInstanceOf(AdminRefusal);

      expect(calls).toEqual([]);
      expect(replay).not.toHaveBeenCalled();
      expect(await snapshot()).toEqual(before);
    },
  );

  it("a partial refund is validated in minor units and sent to Paymob; the order waits for the callback", async () => {
    const { order, attempt, sale } = await paidOrder(35_000);
    const { gateway, calls } = recordingGateway();
    const refund = (amount: string) =>
      requestRefund(admin, t.db, { reference: order.reference, attemptId: attempt.id, amount }, gateway);
    const log = vi.spyOn(logger, "info");

    for (const bad of ["350.01", "0", "-5", "12.345", "1e3", "abc", ""])
      expect((await refund(bad)).status).toBe("invalid");
    expect(calls).toEqual([]);

    expect(await refund("100.50")).toMatchObject({
      status: "requested",
      notice: { code: "requested", kind: "refund", amountMinor: 10_050, currency: "EGP", pending: false },
    });
    expect(calls).toEqual([{ refund: { transactionId: sale.id, amountCents: 10_050 } }]);
    expect(log).toHaveBeenCalledWith(
      expect.objectContaining({
        scope: "admin",
        admin: "admin@example.com",
        orderReference: order.reference,
        amount: 10_050,
      }),
      "refund requested",
    );
    log.mockRestore();
    // Paymob's API answer does not move the order; its callback will.
    expect((await loadOrderState(t.db, order.id)).order).toMatchObject({ status: "paid", refundedMinor: 0 });

    // The refund callback arrives: the ledger follows it, and a void is no longer possible.
    const child = transactionFor(attempt, {
      has_parent_transaction: true,
      parent_transaction: sale.id,
      is_refund: true,
      amount_cents: 10_050,
    });
    expect(
      (await processCallback({ ...signedTransaction(child), hmacSecret: TEST_HMAC_SECRET, db: t.db })).body.outcome,
    ).toBe("applied");
    const detail = await loadAdminOrder(admin, t.db, order.reference);
    expect(detail?.order).toMatchObject({ status: "partially_refunded", refundedMinor: 10_050 });
    expect(detail?.attempts[0]?.ledger).toMatchObject({
      capturedMinor: 35_000,
      refundedMinor: 10_050,
      refundableMinor: 24_950,
      canVoid: false,
    });
    expect((await refund("249.51")).status).toBe("invalid");
    expect(
      (await requestVoid(admin, t.db, { reference: order.reference, attemptId: attempt.id }, gateway)).status,
    ).toBe("invalid");
    expect(calls).toHaveLength(1);
  });

  it("a void goes to Paymob for an untouched capture; Paymob's refusal is reported, not swallowed", async () => {
    const { order, attempt, sale } = await paidOrder();
    const ok = recordingGateway();
    expect(
      await requestVoid(admin, t.db, { reference: order.reference, attemptId: attempt.id }, ok.gateway),
    ).toMatchObject({ status: "requested" });
    expect(ok.calls).toEqual([{ void: { transactionId: sale.id } }]);

    const other = await paidOrder();
    const failing = recordingGateway(new PaymobValidationError("void", { detail: "Transaction is already settled" }));
    const result = await requestVoid(
      admin,
      t.db,
      { reference: other.order.reference, attemptId: other.attempt.id },
      failing.gateway,
    );
    expect(result).toMatchObject({
      status: "failed",
      notice: { code: "paymob_refused", kind: "void", reason: expect.stringContaining("already settled") },
    });
    vi.restoreAllMocks();
  });

  it("refuses refunds for unpaid payments and for attempts of another order", async () => {
    const unpaid = await createOrderWithAttempt(t.db);
    const paid = await paidOrder();
    const { gateway, calls } = recordingGateway();
    const refund = async (form: { reference: string; attemptId: string }) =>
      (await requestRefund(admin, t.db, { ...form, amount: "1" }, gateway)).status;
    expect(await refund({ reference: unpaid.order.reference, attemptId: unpaid.attempt.id })).toBe("invalid");
    // A real attempt id, but paired with a different order's reference.
    expect(await refund({ reference: unpaid.order.reference, attemptId: paid.attempt.id })).toBe("invalid");
    expect(await refund({ reference: paid.order.reference, attemptId: "not-a-uuid" })).toBe("invalid");
    expect(calls).toEqual([]);
  });

  it("replay re-runs a stored callback idempotently and reports the outcome", async () => {
    const { order, eventId } = await paidOrder();
    const other = await paidOrder();
    const result = await replayOrderEvent(admin, t.db, { reference: order.reference, eventId }, replayEvent);
    expect(result).toMatchObject({ status: "replayed", outcome: "duplicate" });
    expect((await loadOrderState(t.db, order.id)).order.status).toBe("paid");
    // An event id from another order is not reachable through this order's page.
    expect(
      (await replayOrderEvent(admin, t.db, { reference: order.reference, eventId: other.eventId }, replayEvent)).status,
    ).toBe("invalid");
    vi.restoreAllMocks();
  });

  it("the order page lists every callback naming the order, including a rejected one, with (the start of) its raw body", async () => {
    const { order, attempt } = await paidOrder();
    const forged = signedTransaction(transactionFor(attempt, { amount_cents: 1 }));
    const rejected = await processCallback({
      rawBody: forged.rawBody,
      hmac: "0".repeat(128),
      hmacSecret: TEST_HMAC_SECRET,
      db: t.db,
    });
    expect(rejected.status).not.toBe(200);
    const detail = await loadAdminOrder(admin, t.db, order.reference);
    expect(detail?.events.map((e) => e.verification)).toEqual(["valid", "invalid"]);
    // Unverified: its first 2 KiB, with the size of the whole.
    expect(detail?.events[1]).toMatchObject({
      rawBody: forged.rawBody.slice(0, 2048),
      bodyTruncated: true,
      bodyBytes: forged.rawBody.length,
    });
    expect(detail?.order.status).toBe("paid");
  });

  it("lists orders with search by reference or email, a status filter and 20 per page", async () => {
    const tag = `find${nextId()}`;
    const made = [];
    for (let i = 0; i < 23; i++) {
      const { order } = await createOrderWithAttempt(t.db);
      await t.db
        .update(orders)
        .set({ email: `${tag}-${i}@Example.com`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)) })
        .where(eq(orders.id, order.id));
      made.push(order);
    }
    await t.db.update(orders).set({ status: "paid" }).where(eq(orders.id, made[3]!.id));
    await t.db
      .insert(orderLines)
      .values({ orderId: made[3]!.id, name: "Line", unitPriceMinor: 100, quantity: 1, lineTotalMinor: 100 });

    const page1 = await listAdminOrders(admin, t.db, parseAdminOrderFilter({ q: tag.toUpperCase() }));
    const page2 = await listAdminOrders(admin, t.db, parseAdminOrderFilter({ q: tag, page: "2" }));
    expect([page1.total, page1.rows.length, page2.rows.length, page1.pageCount]).toEqual([23, 20, 3, 2]);
    expect(page1.rows[0]?.reference).toBe(made[22]!.reference); // newest first

    const byRef = await listAdminOrders(admin, t.db, parseAdminOrderFilter({ q: made[5]!.reference.toLowerCase() }));
    expect(byRef.rows.map((r) => r.reference)).toEqual([made[5]!.reference]);
    const paidOnly = await listAdminOrders(admin, t.db, parseAdminOrderFilter({ q: tag, status: "paid" }));
    expect(paidOnly.rows.map((r) => r.reference)).toEqual([made[3]!.reference]);
    // LIKE wildcards are literal: "%" matches nothing here rather than everything.
    expect((await listAdminOrders(admin, t.db, parseAdminOrderFilter({ q: "%" }))).total).toBe(0);
    // Garbage in the query string falls back to no filter instead of failing.
    expect(parseAdminOrderFilter({ status: "bogus", page: "-3" })).toEqual({ q: "", status: undefined, page: 1 });
  });
});
