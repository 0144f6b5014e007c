import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ORDER_STATUSES, type OrderStatus } from "@/db/schema/orders";
import { ATTEMPT_STATUSES, type AttemptStatus } from "@/db/schema/payments";
import { applyFact, canRetry, IllegalTransitionError, startRetry } from "@/lib/orders/state-machine";
import { classifyTransaction, type TransactionFact, type TransactionFlags } from "@/lib/orders/transaction-facts";
import { fuzz, fuzzTestTimeout, type FuzzBudget } from "../helpers/fuzz";

const EXPECTED = { amountMinor: 10_000, currency: "EGP" };
/** A plain sale's flags; every combination of them is in transaction-flags-table.test.ts. */
const SALE = { isAuth: false, isCapture: false, errorOccurred: false } as const;

/** A settled EGP transaction of a plain sale (not pending, not voided); each case names the flags it is about. */
const settled = (
  flags: Pick<TransactionFlags, "success" | "isRefunded" | "hasParentTransaction" | "amountMinor" | "refundedMinor">,
): TransactionFlags => ({ ...SALE, pending: false, isVoided: false, currency: "EGP", ...flags });

describe("applyFact with several attempts on one order", () => {
  const declined: TransactionFact = { kind: "declined" };
  const paid: TransactionFact = { kind: "paid" };

  it("an old attempt's decline does not fail the order the customer is paying again", () => {
    expect(
      applyFact({ order: "awaiting_payment", attempt: "intended", fact: declined, attemptOwnsOrder: false }),
    ).toEqual({
      order: "awaiting_payment",
      attempt: "declined",
      reason: "other_attempt",
    });
  });

  it("an old attempt's approval still pays an unpaid order: the money arrived", () => {
    expect(
      applyFact({ order: "awaiting_payment", attempt: "pending", fact: paid, attemptOwnsOrder: false }),
    ).toMatchObject({ order: "paid", attempt: "paid", reason: "applied" });
    expect(
      applyFact({
        order: "payment_failed",
        attempt: "declined",
        fact: { kind: "mismatch", detail: "" },
        attemptOwnsOrder: false,
      }),
    ).toMatchObject({
      order: "needs_review",
    });
  });

  it("a late approval for an old attempt after another attempt paid flags the double charge, on a paid order too", () => {
    expect(applyFact({ order: "paid", attempt: "pending", fact: paid, attemptOwnsOrder: false })).toEqual({
      order: "needs_review",
      attempt: "needs_review",
      reason: "double_payment",
    });
    for (const order of ["partially_refunded", "refunded", "needs_review", "voided"] as const) {
      expect(applyFact({ order, attempt: "pending", fact: paid, attemptOwnsOrder: false })).toEqual({
        order,
        attempt: "needs_review",
        reason: "double_payment",
      });
    }
  });

  it("refunding the double charge refunds that attempt only", () => {
    const fact: TransactionFact = { kind: "refund", via: "child", refundedTotalMinor: 10_000, full: true };
    expect(applyFact({ order: "paid", attempt: "needs_review", fact, attemptOwnsOrder: false })).toEqual({
      order: "paid",
      attempt: "refunded",
      reason: "other_attempt",
    });
  });

  it("records a growing partial refund, and only a growing one", () => {
    const fact = (total: number): TransactionFact => ({
      kind: "refund",
      via: "child",
      refundedTotalMinor: total,
      full: false,
    });
    const base = { order: "partially_refunded", attempt: "partially_refunded", attemptOwnsOrder: true } as const;
    expect(applyFact({ ...base, fact: fact(6_000), orderRefundedMinor: 3_000 })).toMatchObject({
      reason: "refund_recorded",
      refundedMinor: 6_000,
    });
    expect(applyFact({ ...base, fact: fact(3_000), orderRefundedMinor: 3_000 })).toMatchObject({ reason: "stale" });
    expect(applyFact({ order: "paid", attempt: "paid", attemptOwnsOrder: true, fact: fact(3_000) })).toMatchObject({
      order: "partially_refunded",
      refundedMinor: 3_000,
    });
  });

  it("a failed refund changes nothing", () => {
    const fact = classifyTransaction(
      settled({ success: false, isRefunded: false, hasParentTransaction: true, amountMinor: 10_000 }),
      EXPECTED,
    );
    expect(applyFact({ order: "paid", attempt: "paid", fact, attemptOwnsOrder: true })).toEqual({
      order: "paid",
      attempt: "paid",
      reason: "ignored",
    });
  });
});

describe("refund totals never double count", () => {
  const parent = settled({ success: true, isRefunded: true, hasParentTransaction: false, amountMinor: 10_000 });
  const child = settled({ success: true, isRefunded: false, hasParentTransaction: true, amountMinor: 4_000 });

  it("a child and its parent's re-notification describe the same refund", () => {
    const afterChild = { childRefundsMinor: 4_000, parentReportedMinor: 0 };
    expect(classifyTransaction({ ...parent, refundedMinor: 4_000 }, EXPECTED, afterChild)).toEqual({
      kind: "refund",
      via: "parent",
      refundedTotalMinor: 4_000,
      full: false,
    });
    const afterParent = { childRefundsMinor: 0, parentReportedMinor: 4_000 };
    expect(classifyTransaction(child, EXPECTED, afterParent)).toEqual({
      kind: "refund",
      via: "child",
      refundedTotalMinor: 4_000,
      full: false,
    });
  });

  it("two partial children add up to a full refund", () => {
    expect(
      classifyTransaction({ ...child, amountMinor: 6_000 }, EXPECTED, {
        childRefundsMinor: 4_000,
        parentReportedMinor: 4_000,
      }),
    ).toMatchObject({ refundedTotalMinor: 10_000, full: true });
  });

  it("a parent without refundedMinor counts as fully refunded", () => {
    expect(classifyTransaction(parent, EXPECTED)).toMatchObject({
      kind: "refund",
      full: true,
      refundedTotalMinor: 10_000,
    });
  });
});

// ---- properties ----
// needs_review ranks above paid: a paid order can be flagged (a second charge), a flagged one never "un-flags".
const ORDER_RANK: Record<OrderStatus, number> = {
  awaiting_payment: 0,
  payment_failed: 1,
  authorised: 1.5,
  paid: 2,
  needs_review: 2.5,
  partially_refunded: 3,
  refunded: 4,
  voided: 4,
};
const ATTEMPT_RANK: Record<AttemptStatus, number> = {
  creating: 0, intended: 1, creation_failed: 1, pending: 2, declined: 3, authorised: 3.5, paid: 4, needs_review: 4.5, partially_refunded: 5, refunded: 6, voided: 6,
}; // prettier-ignore

const flagsArb = fc.record({
  success: fc.boolean(),
  pending: fc.boolean(),
  isAuth: fc.boolean(),
  isCapture: fc.boolean(),
  errorOccurred: fc.boolean(),
  isVoided: fc.boolean(),
  isRefunded: fc.boolean(),
  hasParentTransaction: fc.boolean(),
  isVoid: fc.option(fc.boolean(), { nil: undefined }),
  amountMinor: fc.oneof(fc.constant(EXPECTED.amountMinor), fc.integer({ min: 1, max: 20_000 })),
  currency: fc.constantFrom("EGP", "USD", "SAR"),
  refundedMinor: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
});
const ledgerArb = fc.record({
  childRefundsMinor: fc.integer({ min: 0, max: 20_000 }),
  parentReportedMinor: fc.integer({ min: 0, max: 20_000 }),
});
const stateArb = fc.record({
  order: fc.constantFrom(...ORDER_STATUSES),
  attempt: fc.constantFrom(...ATTEMPT_STATUSES),
  attemptOwnsOrder: fc.boolean(),
  orderRefundedMinor: fc.integer({ min: 0, max: 20_000 }),
  otherPayment: fc.boolean(),
  reversesExtraCapture: fc.boolean(),
});

const BUDGET: FuzzBudget = { numRuns: 3_000, minRuns: 300, timeLimitMs: 30_000 };

/** An exact sale with up to two of its fields drawn at random: near the boundary of what may pay an order. */
const EXACT_SALE = {
  success: true,
  pending: false,
  isAuth: false,
  isCapture: false,
  errorOccurred: false,
  isVoided: false,
  isRefunded: false,
  hasParentTransaction: false,
  isVoid: undefined,
  amountMinor: EXPECTED.amountMinor,
  currency: EXPECTED.currency,
  refundedMinor: undefined,
};
const nearSaleArb = fc
  .tuple(flagsArb, fc.subarray(Object.keys(EXACT_SALE) as (keyof typeof EXACT_SALE)[], { maxLength: 2 }))
  .map(
    ([random, changed]) =>
      ({ ...EXACT_SALE, ...Object.fromEntries(changed.map((key) => [key, random[key]])) }) as typeof random,
  );
/** Order and attempt states from which a payment can still move something. */
const payableStateArb = fc.record({
  order: fc.constantFrom<OrderStatus>("awaiting_payment", "payment_failed", "authorised"),
  attempt: fc.constantFrom<AttemptStatus>("creating", "intended", "pending", "declined", "authorised"),
  attemptOwnsOrder: fc.boolean(),
  orderRefundedMinor: fc.constant(0),
  otherPayment: fc.boolean(),
  reversesExtraCapture: fc.boolean(),
});

describe("state machine properties", () => {
  it(
    "never moves an order or an attempt backwards or sideways",
    async () => {
      await fuzz(BUDGET, [stateArb, flagsArb, ledgerArb], (state, tx, ledger) => {
        const next = applyFact({ ...state, fact: classifyTransaction(tx, EXPECTED, ledger) });
        expect(next.order === state.order || ORDER_RANK[next.order] > ORDER_RANK[state.order]).toBe(true);
        expect(next.attempt === state.attempt || ATTEMPT_RANK[next.attempt] > ATTEMPT_RANK[state.attempt]).toBe(true);
        // A refund total never shrinks (unchanged when the fact does not report one).
        expect(next.refundedMinor ?? state.orderRefundedMinor).toBeGreaterThanOrEqual(state.orderRefundedMinor);
      });
    },
    fuzzTestTimeout(BUDGET),
  );

  it(
    "pays an order only for a plain successful sale or capture of exactly the expected amount and currency",
    async () => {
      let newlyPaid = 0;
      const { runs } = await fuzz(
        BUDGET,
        [fc.oneof(stateArb, payableStateArb), fc.oneof(flagsArb, nearSaleArb), ledgerArb],
        (state, tx, ledger) => {
          const next = applyFact({ ...state, fact: classifyTransaction(tx, EXPECTED, ledger) });
          const saleOrCapture = tx.hasParentTransaction ? tx.isCapture : !tx.isAuth;
          const exactSale =
            saleOrCapture &&
            tx.success &&
            !tx.pending &&
            !tx.errorOccurred &&
            !tx.isVoided &&
            !tx.isRefunded &&
            tx.amountMinor === EXPECTED.amountMinor &&
            tx.currency === EXPECTED.currency;
          const paysOrder = state.order !== "paid" && next.order === "paid";
          const paysAttempt = state.attempt !== "paid" && next.attempt === "paid";
          // In every case: a move to paid implies an exact sale.
          expect({ paysOrder, paysAttempt, exactSale }).toEqual({
            paysOrder: paysOrder && exactSale,
            paysAttempt: paysAttempt && exactSale,
            exactSale,
          });
          if (paysOrder || paysAttempt) newlyPaid++;
        },
      );
      // The property met the case it is about, not only the cases where nothing gets paid.
      expect(newlyPaid, `${newlyPaid} of ${runs} cases paid something`).toBeGreaterThan(runs * 0.05);
    },
    fuzzTestTimeout(BUDGET),
  );

  it("keeps a larger refund total even when the refund only moves the attempt (found by fast-check)", () => {
    const fact = classifyTransaction(
      settled({ success: true, isRefunded: true, hasParentTransaction: false, amountMinor: 2, refundedMinor: 0 }),
      EXPECTED,
      { childRefundsMinor: 0, parentReportedMinor: 1 },
    );
    const first = applyFact({
      order: "partially_refunded",
      attempt: "creating",
      attemptOwnsOrder: true,
      orderRefundedMinor: 0,
      fact,
    });
    expect(first).toMatchObject({ order: "partially_refunded", attempt: "partially_refunded", refundedMinor: 1 });
    const again = applyFact({
      order: first.order,
      attempt: first.attempt,
      attemptOwnsOrder: true,
      orderRefundedMinor: 1,
      fact,
    });
    expect(again.reason).toBe("stale");
  });

  it(
    "applying the same fact twice changes nothing the second time",
    async () => {
      await fuzz(BUDGET, [stateArb, flagsArb, ledgerArb], (state, tx, ledger) => {
        const fact = classifyTransaction(tx, EXPECTED, ledger);
        const first = applyFact({ ...state, fact });
        const again = applyFact({
          ...state,
          order: first.order,
          attempt: first.attempt,
          orderRefundedMinor: first.refundedMinor ?? state.orderRefundedMinor,
          fact,
        });
        expect({ order: again.order, attempt: again.attempt }).toEqual({ order: first.order, attempt: first.attempt });
        // A second charge or the reversal of one stays what it is (the ledger lists it), but moves nothing twice.
        expect(["stale", "ignored", "double_payment", "extra_capture_reversed"]).toContain(again.reason);
      });
    },
    fuzzTestTimeout(BUDGET),
  );

  it("reaches the same end state whatever order pending, declined and approved callbacks arrive in", () => {
    const facts: TransactionFact[] = [{ kind: "pending" }, { kind: "declined" }, { kind: "paid" }];
    fc.assert(
      fc.property(fc.shuffledSubarray(facts, { minLength: 3, maxLength: 3 }), (sequence) => {
        const end = sequence.reduce((s, fact) => applyFact({ ...s, fact, attemptOwnsOrder: true }), {
          order: "awaiting_payment" as OrderStatus,
          attempt: "intended" as AttemptStatus,
        });
        expect([end.order, end.attempt]).toEqual(["paid", "paid"]);
      }),
    );
  });

  it("a replayed approval after a refund or void never un-refunds", () => {
    for (const order of ["partially_refunded", "refunded", "voided"] as const) {
      expect(applyFact({ order, attempt: order, fact: { kind: "paid" }, attemptOwnsOrder: true })).toEqual({
        order,
        attempt: order,
        reason: "stale",
      });
    }
  });
});

describe("Try again", () => {
  it("starts a new attempt only on unpaid orders, putting them back to awaiting_payment", () => {
    expect(ORDER_STATUSES.filter(canRetry)).toEqual(["awaiting_payment", "payment_failed"]);
    expect(startRetry("payment_failed")).toBe("awaiting_payment");
    expect(startRetry("awaiting_payment")).toBe("awaiting_payment");
    for (const settled of ["authorised", "paid", "needs_review", "partially_refunded", "refunded", "voided"] as const) {
      expect(() => startRetry(settled)).toThrow(IllegalTransitionError);
    }
  });
});
