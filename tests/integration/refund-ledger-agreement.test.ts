import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { orders } from "@/db/schema/orders";
import { paymentTransactions } from "@/db/schema/payments";
import { paymentReversals } from "@/db/schema/reversals";
import { attemptLedger } from "@/lib/admin/ledger";
import { reversalBalance } from "@/lib/admin/reversal-balance";
import { recordReversalChild, releaseReversal, reserveReversal } from "@/lib/admin/reversals";
import { useTestDb } from "../helpers/db";
import { nextId, transactionFor } from "../helpers/orders";
import { deliver, paidOrder, parentRefunded, refundChild, voidChild } from "../helpers/reversals";

// The refund ledger exists twice: in TypeScript, read from the transactions Paymob reported and the
// reservations a verified callback settled (lib/orders/payment-ledger.ts through lib/admin/ledger.ts,
// reversal-balance.ts and the callback's own context), and in SQL, where a refund callback settles the admin's
// reservations against the child it names or the total a re-notified parent reports (hot-path-writes.ts, RESOLVE).
// This drives both through the real paths with generated refund and void requests, Paymob answers, callbacks
// delivered in any order (stale parent re-notifications included) and callbacks Paymob never delivers, and
// checks that the two agree: the TypeScript ledger never reads less than the SQL settled nor more than Paymob
// refunded, the admin page, the refundable balance and the order's refunded total read the same number, the
// admin can never refund more than is left at Paymob, and once every refund's own callback has arrived the
// settled reservations add up to exactly what Paymob refunded.

const t = useTestDb();

const CAPTURED = 30_000;
type Lost = "none" | "child" | "parent" | "both";
type Request = { kind: "refund" | "void"; amount: number; answer: "answered" | "timeout" | "declined"; lost: Lost };
type Step = { request: Request } | { deliver: number };

const request = fc.record({
  kind: fc.constantFrom("refund" as const, "refund" as const, "refund" as const, "void" as const),
  amount: fc.integer({ min: 1, max: 12_000 }),
  answer: fc.constantFrom("answered" as const, "timeout" as const, "declined" as const),
  // Which of Paymob's callbacks for it never reach us.
  lost: fc.constantFrom<Lost>("none", "none", "child", "parent", "both"),
});
const steps = fc.array(
  fc.oneof(
    { arbitrary: request.map((r): Step => ({ request: r })), weight: 2 },
    { arbitrary: fc.nat(20).map((n): Step => ({ deliver: n })), weight: 3 },
  ),
  { minLength: 1, maxLength: 10 },
);
const refund = (amount: number, answer: Request["answer"], lost: Lost): Step => ({
  request: { kind: "refund", amount, answer, lost },
});
const examples: Step[][] = [
  // r1's own callback lost; the parent's "total 1" settles r1, r2's child settles r2; "total 2" is a duplicate
  // of "total 1" (same signed fields). Both ledgers read 2 (the TypeScript one read 1 before it counted
  // settled reservations).
  [refund(1, "answered", "child"), refund(1, "answered", "none"), { deliver: 0 }],
  // Both children lost; "total 3" covers r1 (3) but RESOLVE, answered first, stops at r2 (4): nothing settles
  // and both stay pending. The TypeScript ledger reads the parent's 3 on top of 7 pending, understating what
  // may still be refunded by 3 until an admin resolves them: safe, never overstated. Hence ≥, not =, below.
  [refund(3, "timeout", "child"), refund(4, "answered", "child"), { deliver: 0 }],
];
const sum = (rows: readonly { amountMinor: number }[]) => rows.reduce((total, r) => total + r.amountMinor, 0);

describe("refund ledger: the SQL's settlement agrees with the TypeScript ledger", () => {
  it.skipIf(t.skipped)(
    "after any sequence of refund and void requests and callbacks, some of them lost",
    async () => {
      await fc.assert(
        fc.asyncProperty(steps, async (plan) => {
          const db = t.db;
          const { order, attempt, sale } = await paidOrder(db, CAPTURED);
          const captureId = sale.id;
          const queue: Record<string, unknown>[] = [];
          let refundedAtPaymob = 0;
          let voidedAtPaymob = false;
          let childLost = false;

          for (const step of plan) {
            if ("deliver" in step) {
              if (queue.length === 0) continue;
              const [callback] = queue.splice(step.deliver % queue.length, 1);
              await deliver(db, callback!);
              continue;
            }
            const { kind, amount, answer, lost } = step.request;
            const reserved = await reserveReversal(db, {
              kind,
              amountMinor: amount,
              attemptId: attempt.id,
              transactionId: captureId,
              requestedBy: "admin@example.com",
            });
            if (!reserved.ok) continue;
            if (answer === "declined") {
              await releaseReversal(db, reserved.reversal, "Paymob declined");
              continue;
            }
            // Paymob did it (whether or not its answer reached us): a child callback, and the capture re-notified
            // with its running total or as voided; either may never arrive.
            const child = nextId();
            if (answer === "answered") await recordReversalChild(db, reserved.reversal, child);
            if (kind === "void") voidedAtPaymob = true;
            else refundedAtPaymob += amount;
            if (lost === "child" || lost === "both") childLost = true;
            else
              queue.push(
                kind === "void" ? voidChild(attempt, captureId, child) : refundChild(attempt, captureId, child, amount),
              );
            if (lost !== "parent" && lost !== "both") {
              queue.push(
                kind === "void"
                  ? transactionFor(attempt, { id: captureId, is_voided: true })
                  : parentRefunded(attempt, captureId, refundedAtPaymob),
              );
            }
          }
          for (const callback of queue.splice(0)) await deliver(db, callback);

          const transactions = await db
            .select()
            .from(paymentTransactions)
            .where(eq(paymentTransactions.orderId, order.id));
          const reversals = await db.select().from(paymentReversals).where(eq(paymentReversals.orderId, order.id));
          const [{ refundedMinor: orderRefunded } = { refundedMinor: -1 }] = await db
            .select({ refundedMinor: orders.refundedMinor })
            .from(orders)
            .where(and(eq(orders.id, order.id)));
          const refunds = reversals.filter((r) => r.kind === "refund");
          const settled = sum(refunds.filter((r) => r.status === "settled"));
          const pending = reversals.filter((r) => r.status === "pending");
          const pendingRefunds = sum(pending.filter((r) => r.kind === "refund"));
          const capture = attemptLedger(transactions, attempt.id, reversals).captures.find(
            (c) => c.transactionId === captureId,
          )!;
          const balance = reversalBalance(captureId, transactions, pending, settled);
          const voidSettled = reversals.some((r) => r.kind === "void" && r.status === "settled");

          // Every reservation Paymob acted on is settled or still pending, never released: the SQL's own books.
          expect(settled + pendingRefunds).toBe(refundedAtPaymob);
          // The TypeScript ledger reads at least what the SQL settled (more only while a parent's total covers
          // reservations RESOLVE could not attribute; they stay pending), never more than Paymob refunded.
          expect(capture.refundedMinor).toBeGreaterThanOrEqual(settled);
          expect(capture.refundedMinor).toBeLessThanOrEqual(refundedAtPaymob);
          // The admin page, the refundable balance and the callback path's order total read the same number.
          expect(balance.refundedMinor).toBe(capture.refundedMinor);
          expect(orderRefunded).toBe(capture.refundedMinor);
          // A void: the ledger says voided exactly when the SQL settled it.
          expect(capture.voided).toBe(voidSettled);
          expect(balance.voided).toBe(voidSettled);
          // Never more refundable than is left at Paymob.
          expect(balance.refundableMinor).toBeLessThanOrEqual(voidedAtPaymob ? 0 : CAPTURED - refundedAtPaymob);
          expect(balance.refundableMinor).toBe(
            balance.voided || pending.some((r) => r.kind === "void")
              ? 0
              : Math.max(0, CAPTURED - capture.refundedMinor - pendingRefunds),
          );
          if (pending.length === 0) {
            // Nothing in doubt: both ledgers say exactly what Paymob refunded.
            expect(settled).toBe(refundedAtPaymob);
            expect(capture.refundedMinor).toBe(refundedAtPaymob);
            expect(capture.refundableMinor).toBe(voidSettled ? 0 : CAPTURED - settled);
          }
          if (!childLost) expect(pending.filter((r) => r.kind === "refund")).toEqual([]);
        }),
        { numRuns: 60, interruptAfterTimeLimit: 240_000, examples: examples.map((plan) => [plan] as [Step[]]) },
      );
    },
    600_000,
  );
});
