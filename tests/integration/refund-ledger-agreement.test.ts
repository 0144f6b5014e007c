import { and, eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paymentTransactions } from "@/db/schema/payments";
import { paymentReversals } from "@/db/schema/reversals";
import { attemptLedger } from "@/lib/admin/ledger";
import { reversalBalance } from "@/lib/admin/reversal-balance";
import { recordReversalChild, releaseReversal, reserveReversal } from "@/lib/admin/reversals";
import { useTestDb } from "../helpers/db";
import { nextId } from "../helpers/orders";
import { deliver, paidOrder, parentRefunded, refundChild } from "../helpers/reversals";

// The refund ledger exists twice: in TypeScript, read from the transactions Paymob reported
// (lib/orders/payment-ledger.ts through lib/admin/ledger.ts and reversal-balance.ts), and in SQL, where a
// refund callback settles the admin's reservations against the total Paymob reports (hot-path-sql.ts,
// RESOLVE). This drives both through the real paths with generated refund requests, Paymob answers and
// callbacks delivered in any order (stale parent re-notifications included), and checks that once Paymob's
// callbacks have all arrived the SQL's settled reservations add up to exactly what the TypeScript ledger says
// was refunded, nothing is left pending, and what may still be refunded is the same either way.

const t = useTestDb();

type Request = { amount: number; answer: "answered" | "timeout" | "declined" };
type Step = { request: Request } | { deliver: number };

const request = fc.record({ amount: fc.integer({ min: 1, max: 12_000 }), answer: fc.constantFrom("answered" as const, "timeout" as const, "declined" as const) });
const steps = fc.array(fc.oneof({ arbitrary: request.map((r): Step => ({ request: r })), weight: 2 }, { arbitrary: fc.nat(20).map((n): Step => ({ deliver: n })), weight: 3 }), { minLength: 1, maxLength: 10 });

describe("refund ledger: the SQL's settlement agrees with the TypeScript ledger", () => {
  it.skipIf(t.skipped)(
    "after any sequence of refund requests and callbacks",
    async () => {
      await fc.assert(
        fc.asyncProperty(steps, async (plan) => {
          const db = t.db;
          const { order, attempt, sale } = await paidOrder(db, 30_000);
          const captureId = sale.id;
          const queue: Record<string, unknown>[] = [];
          let refundedAtPaymob = 0;

          for (const step of plan) {
            if ("deliver" in step) {
              if (queue.length === 0) continue;
              const [callback] = queue.splice(step.deliver % queue.length, 1);
              await deliver(db, callback!);
              continue;
            }
            const { amount, answer } = step.request;
            const reserved = await reserveReversal(db, { kind: "refund", amountMinor: amount, attemptId: attempt.id, transactionId: captureId, requestedBy: "admin@example.com" });
            if (!reserved.ok) continue;
            if (answer === "declined") {
              await releaseReversal(db, reserved.reversal, "Paymob declined");
              continue;
            }
            // Paymob refunded it (whether or not its answer reached us): a child callback, and the capture
            // re-notified with its running total.
            const child = nextId();
            refundedAtPaymob += amount;
            if (answer === "answered") await recordReversalChild(db, reserved.reversal, child);
            // Every refund's own callback arrives, in any order with the capture's (possibly stale)
            // re-notifications. Without it the two ledgers can disagree: see the note at the end of this file.
            queue.push(refundChild(attempt, captureId, child, amount));
            queue.push(parentRefunded(attempt, captureId, refundedAtPaymob));
          }
          for (const callback of queue.splice(0)) await deliver(db, callback);

          const transactions = await db.select().from(paymentTransactions).where(eq(paymentTransactions.orderId, order.id));
          const reversals = await db.select().from(paymentReversals).where(and(eq(paymentReversals.orderId, order.id), eq(paymentReversals.kind, "refund")));
          const settled = reversals.filter((r) => r.status === "settled").reduce((sum, r) => sum + r.amountMinor, 0);
          const pending = reversals.filter((r) => r.status === "pending");
          const capture = attemptLedger(transactions, attempt.id).captures.find((c) => c.transactionId === captureId);
          const balance = reversalBalance(captureId, transactions, pending);

          expect(capture?.refundedMinor).toBe(refundedAtPaymob);
          expect(settled).toBe(capture?.refundedMinor);
          expect(pending).toEqual([]);
          expect(balance.refundableMinor).toBe(30_000 - settled);
        }),
        { numRuns: 40, interruptAfterTimeLimit: 240_000 },
      );
    },
    600_000,
  );
});

// Known disagreement, left for a follow-up (behaviour unchanged here): refunds r1 and r2 of 1 each, both
// answered; r1's own callback never arrives, the capture's re-notification "total 1" does, then r2's callback.
// The SQL settles both (2); the TypeScript ledger reads max(children 1, parent total 1) = 1. A later
// re-notification "total 2" signs the same fields as "total 1" and is stored as a duplicate, so it cannot
// correct the ledger.
