import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ORDER_STATUSES, type OrderStatus } from "@/db/schema/orders";
import { ATTEMPT_STATUSES, type AttemptStatus } from "@/db/schema/payments";
import { applyFact, canRetry, IllegalTransitionError, startRetry } from "@/lib/orders/state-machine";
import { classifyTransaction, type TransactionFact, type TransactionFlags } from "@/lib/orders/transaction-facts";

const EXPECTED = { amountMinor: 10_000, currency: "EGP" };

// ---- §6.1 of the research notes, written out as data: success, pending, is_voided, is_refunded, has_parent ----
// "pay?" = paid when amount and currency match, needs_review otherwise; "child…" = a refund/void child transaction.
type Row = "pay?" | "declined" | "pending" | "void" | "refund" | "child-refund" | "child-void" | "ignored";
const DOCUMENTED: Record<string, Row> = {
  "00000": "declined", "00010": "declined", "00100": "declined", "00110": "declined",
  "01000": "pending", "01010": "pending", "01100": "pending", "01110": "pending",
  "10000": "pay?", "10010": "refund", "10100": "void", "10110": "void",
  "11000": "pending", "11010": "pending", "11100": "pending", "11110": "pending",
  "00001": "ignored", "00011": "ignored", "00101": "ignored", "00111": "ignored",
  "01001": "ignored", "01011": "ignored", "01101": "ignored", "01111": "ignored",
  "10001": "child-refund", "10011": "child-refund", "10101": "child-void", "10111": "child-void",
  "11001": "ignored", "11011": "ignored", "11101": "ignored", "11111": "ignored",
}; // prettier-ignore

type Meaning = "paid" | "mismatch" | "declined" | "pending" | "void" | "refund_full" | "refund_partial" | "ignored";

/** Where an order owned by the transaction's attempt ends up, per starting status and meaning. */
const ORDER_OUTCOME: Record<OrderStatus, Record<Meaning, OrderStatus>> = {
  awaiting_payment: { paid: "paid", mismatch: "needs_review", declined: "payment_failed", pending: "awaiting_payment", void: "voided", refund_full: "refunded", refund_partial: "partially_refunded", ignored: "awaiting_payment" },
  payment_failed: { paid: "paid", mismatch: "needs_review", declined: "payment_failed", pending: "payment_failed", void: "voided", refund_full: "refunded", refund_partial: "partially_refunded", ignored: "payment_failed" },
  paid: { paid: "paid", mismatch: "paid", declined: "paid", pending: "paid", void: "voided", refund_full: "refunded", refund_partial: "partially_refunded", ignored: "paid" },
  needs_review: { paid: "needs_review", mismatch: "needs_review", declined: "needs_review", pending: "needs_review", void: "voided", refund_full: "refunded", refund_partial: "partially_refunded", ignored: "needs_review" },
  partially_refunded: { paid: "partially_refunded", mismatch: "partially_refunded", declined: "partially_refunded", pending: "partially_refunded", void: "partially_refunded", refund_full: "refunded", refund_partial: "partially_refunded", ignored: "partially_refunded" },
  refunded: { paid: "refunded", mismatch: "refunded", declined: "refunded", pending: "refunded", void: "refunded", refund_full: "refunded", refund_partial: "refunded", ignored: "refunded" },
  voided: { paid: "voided", mismatch: "voided", declined: "voided", pending: "voided", void: "voided", refund_full: "voided", refund_partial: "voided", ignored: "voided" },
}; // prettier-ignore

/** The attempt status that goes with each order status when that attempt owns the order. */
const OWNING_ATTEMPT: Record<OrderStatus, AttemptStatus> = {
  awaiting_payment: "intended",
  payment_failed: "declined",
  paid: "paid",
  needs_review: "needs_review",
  partially_refunded: "partially_refunded",
  refunded: "refunded",
  voided: "voided",
};

const bools = [false, true] as const;
const flagCombos = bools.flatMap((success) =>
  bools.flatMap((pending) =>
    bools.flatMap((is_voided) => bools.flatMap((is_refunded) => bools.map((has_parent_transaction) => ({ success, pending, is_voided, is_refunded, has_parent_transaction })))),
  ),
);
const key = (f: (typeof flagCombos)[number]) => [f.success, f.pending, f.is_voided, f.is_refunded, f.has_parent_transaction].map(Number).join("");

function meaningOf(row: Row, amountMatch: boolean, currencyMatch: boolean): Meaning {
  switch (row) {
    case "pay?":
      return amountMatch && currencyMatch ? "paid" : "mismatch";
    case "refund":
      return "refund_full"; // the parent reports refunded_amount_cents equal to its own amount below
    case "child-void":
      if (!currencyMatch) return "ignored";
      return amountMatch ? "void" : "refund_partial"; // a "void" smaller than the capture is a partial refund
    case "child-refund":
      if (!currencyMatch) return "ignored";
      return amountMatch ? "refund_full" : "refund_partial";
    default:
      return row;
  }
}

function factMeaning(fact: TransactionFact): Meaning {
  if (fact.kind === "refund") return fact.full ? "refund_full" : "refund_partial";
  return fact.kind;
}

describe("classifyTransaction × applyFact: every documented flag combination", () => {
  const cases = flagCombos.flatMap((flags) =>
    bools.flatMap((amountMatch) => bools.map((currencyMatch) => ({ flags, amountMatch, currencyMatch }))),
  );
  expect(cases).toHaveLength(128);

  it.each(cases)("$flags amount=$amountMatch currency=$currencyMatch", ({ flags, amountMatch, currencyMatch }) => {
    const tx: TransactionFlags = {
      ...flags,
      amount_cents: amountMatch ? EXPECTED.amountMinor : 7_000,
      currency: currencyMatch ? EXPECTED.currency : "USD",
      refunded_amount_cents: amountMatch ? EXPECTED.amountMinor : 7_000,
    };
    const row = DOCUMENTED[key(flags)];
    if (!row) throw new Error(`no documented row for ${key(flags)}`);
    const fact = classifyTransaction(tx, EXPECTED);
    const meaning = meaningOf(row, amountMatch, currencyMatch);
    expect(factMeaning(fact)).toBe(meaning);

    for (const order of ORDER_STATUSES) {
      const next = applyFact({ order, attempt: OWNING_ATTEMPT[order], fact, attemptOwnsOrder: true });
      expect({ from: order, to: next.order }).toEqual({ from: order, to: ORDER_OUTCOME[order][meaning] });
    }
  });
});

describe("applyFact with several attempts on one order", () => {
  const declined: TransactionFact = { kind: "declined" };
  const paid: TransactionFact = { kind: "paid" };

  it("an old attempt's decline does not fail the order the customer is paying again", () => {
    expect(applyFact({ order: "awaiting_payment", attempt: "intended", fact: declined, attemptOwnsOrder: false })).toEqual({
      order: "awaiting_payment",
      attempt: "declined",
      reason: "other_attempt",
    });
  });

  it("an old attempt's approval still pays an unpaid order: the money arrived", () => {
    expect(applyFact({ order: "awaiting_payment", attempt: "pending", fact: paid, attemptOwnsOrder: false })).toMatchObject({ order: "paid", attempt: "paid", reason: "applied" });
    expect(applyFact({ order: "payment_failed", attempt: "declined", fact: { kind: "mismatch", detail: "" }, attemptOwnsOrder: false })).toMatchObject({
      order: "needs_review",
    });
  });

  it("a stale approval for an old attempt after another attempt paid keeps the order and flags the double charge", () => {
    for (const order of ["paid", "partially_refunded", "refunded", "needs_review", "voided"] as const) {
      expect(applyFact({ order, attempt: "pending", fact: paid, attemptOwnsOrder: false })).toEqual({ order, attempt: "needs_review", reason: "double_payment" });
    }
  });

  it("refunding the double charge refunds that attempt only", () => {
    const fact: TransactionFact = { kind: "refund", via: "child", refundedTotalMinor: 10_000, full: true };
    expect(applyFact({ order: "paid", attempt: "needs_review", fact, attemptOwnsOrder: false })).toEqual({ order: "paid", attempt: "refunded", reason: "other_attempt" });
  });

  it("records a growing partial refund, and only a growing one", () => {
    const fact = (total: number): TransactionFact => ({ kind: "refund", via: "child", refundedTotalMinor: total, full: false });
    const base = { order: "partially_refunded", attempt: "partially_refunded", attemptOwnsOrder: true } as const;
    expect(applyFact({ ...base, fact: fact(6_000), orderRefundedMinor: 3_000 })).toMatchObject({ reason: "refund_recorded", refundedMinor: 6_000 });
    expect(applyFact({ ...base, fact: fact(3_000), orderRefundedMinor: 3_000 })).toMatchObject({ reason: "stale" });
    expect(applyFact({ order: "paid", attempt: "paid", attemptOwnsOrder: true, fact: fact(3_000) })).toMatchObject({ order: "partially_refunded", refundedMinor: 3_000 });
  });

  it("a failed refund changes nothing", () => {
    const fact = classifyTransaction({ success: false, pending: false, is_voided: false, is_refunded: false, has_parent_transaction: true, amount_cents: 10_000, currency: "EGP" }, EXPECTED);
    expect(applyFact({ order: "paid", attempt: "paid", fact, attemptOwnsOrder: true })).toEqual({ order: "paid", attempt: "paid", reason: "ignored" });
  });
});

describe("refund totals never double count", () => {
  const parent = { success: true, pending: false, is_voided: false, is_refunded: true, has_parent_transaction: false, amount_cents: 10_000, currency: "EGP" };
  const child = { success: true, pending: false, is_voided: false, is_refunded: false, has_parent_transaction: true, amount_cents: 4_000, currency: "EGP" };

  it("a child and its parent's re-notification describe the same refund", () => {
    const afterChild = { childRefundsMinor: 4_000, parentReportedMinor: 0 };
    expect(classifyTransaction({ ...parent, refunded_amount_cents: 4_000 }, EXPECTED, afterChild)).toEqual({ kind: "refund", via: "parent", refundedTotalMinor: 4_000, full: false });
    const afterParent = { childRefundsMinor: 0, parentReportedMinor: 4_000 };
    expect(classifyTransaction(child, EXPECTED, afterParent)).toEqual({ kind: "refund", via: "child", refundedTotalMinor: 4_000, full: false });
  });

  it("two partial children add up to a full refund", () => {
    expect(classifyTransaction({ ...child, amount_cents: 6_000 }, EXPECTED, { childRefundsMinor: 4_000, parentReportedMinor: 4_000 })).toMatchObject({ refundedTotalMinor: 10_000, full: true });
  });

  it("a parent without refunded_amount_cents counts as fully refunded", () => {
    expect(classifyTransaction(parent, EXPECTED)).toMatchObject({ kind: "refund", full: true, refundedTotalMinor: 10_000 });
  });
});

// ---- properties ----
const ORDER_RANK: Record<OrderStatus, number> = { awaiting_payment: 0, payment_failed: 1, paid: 2, needs_review: 2, partially_refunded: 3, refunded: 4, voided: 4 };
const ATTEMPT_RANK: Record<AttemptStatus, number> = {
  creating: 0, intended: 1, creation_failed: 1, pending: 2, declined: 3, paid: 4, needs_review: 4, partially_refunded: 5, refunded: 6, voided: 6,
}; // prettier-ignore

const flagsArb = fc.record({
  success: fc.boolean(),
  pending: fc.boolean(),
  is_voided: fc.boolean(),
  is_refunded: fc.boolean(),
  has_parent_transaction: fc.boolean(),
  is_void: fc.option(fc.boolean(), { nil: undefined }),
  amount_cents: fc.oneof(fc.constant(EXPECTED.amountMinor), fc.integer({ min: 1, max: 20_000 })),
  currency: fc.constantFrom("EGP", "USD", "SAR"),
  refunded_amount_cents: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
});
const ledgerArb = fc.record({ childRefundsMinor: fc.integer({ min: 0, max: 20_000 }), parentReportedMinor: fc.integer({ min: 0, max: 20_000 }) });
const stateArb = fc.record({
  order: fc.constantFrom(...ORDER_STATUSES),
  attempt: fc.constantFrom(...ATTEMPT_STATUSES),
  attemptOwnsOrder: fc.boolean(),
  orderRefundedMinor: fc.integer({ min: 0, max: 20_000 }),
});

describe("state machine properties", () => {
  it("never moves an order or an attempt backwards or sideways", () => {
    fc.assert(
      fc.property(stateArb, flagsArb, ledgerArb, (state, tx, ledger) => {
        const next = applyFact({ ...state, fact: classifyTransaction(tx, EXPECTED, ledger) });
        expect(next.order === state.order || ORDER_RANK[next.order] > ORDER_RANK[state.order]).toBe(true);
        expect(next.attempt === state.attempt || ATTEMPT_RANK[next.attempt] > ATTEMPT_RANK[state.attempt]).toBe(true);
        if (next.refundedMinor !== undefined) expect(next.refundedMinor).toBeGreaterThanOrEqual(state.orderRefundedMinor);
      }),
      { numRuns: 3000 },
    );
  });

  it("pays an order only for a plain successful sale of exactly the expected amount and currency", () => {
    fc.assert(
      fc.property(stateArb, flagsArb, ledgerArb, (state, tx, ledger) => {
        const next = applyFact({ ...state, fact: classifyTransaction(tx, EXPECTED, ledger) });
        const exactSale = tx.success && !tx.pending && !tx.is_voided && !tx.is_refunded && !tx.has_parent_transaction && tx.amount_cents === EXPECTED.amountMinor && tx.currency === EXPECTED.currency;
        if (state.order !== "paid" && next.order === "paid") expect(exactSale).toBe(true);
        if (state.attempt !== "paid" && next.attempt === "paid") expect(exactSale).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps a larger refund total even when the refund only moves the attempt (found by fast-check)", () => {
    const fact = classifyTransaction(
      { success: true, pending: false, is_voided: false, is_refunded: true, has_parent_transaction: false, amount_cents: 2, currency: "EGP", refunded_amount_cents: 0 },
      EXPECTED,
      { childRefundsMinor: 0, parentReportedMinor: 1 },
    );
    const first = applyFact({ order: "partially_refunded", attempt: "creating", attemptOwnsOrder: true, orderRefundedMinor: 0, fact });
    expect(first).toMatchObject({ order: "partially_refunded", attempt: "partially_refunded", refundedMinor: 1 });
    const again = applyFact({ order: first.order, attempt: first.attempt, attemptOwnsOrder: true, orderRefundedMinor: 1, fact });
    expect(again.reason).toBe("stale");
  });

  it("applying the same fact twice changes nothing the second time", () => {
    fc.assert(
      fc.property(stateArb, flagsArb, ledgerArb, (state, tx, ledger) => {
        const fact = classifyTransaction(tx, EXPECTED, ledger);
        const first = applyFact({ ...state, fact });
        const again = applyFact({ ...state, order: first.order, attempt: first.attempt, orderRefundedMinor: first.refundedMinor ?? state.orderRefundedMinor, fact });
        expect({ order: again.order, attempt: again.attempt }).toEqual({ order: first.order, attempt: first.attempt });
        expect(["stale", "ignored"]).toContain(again.reason);
      }),
      { numRuns: 3000 },
    );
  });

  it("reaches the same end state whatever order pending, declined and approved callbacks arrive in", () => {
    const facts: TransactionFact[] = [{ kind: "pending" }, { kind: "declined" }, { kind: "paid" }];
    fc.assert(
      fc.property(fc.shuffledSubarray(facts, { minLength: 3, maxLength: 3 }), (sequence) => {
        const end = sequence.reduce((s, fact) => applyFact({ ...s, fact, attemptOwnsOrder: true }), { order: "awaiting_payment" as OrderStatus, attempt: "intended" as AttemptStatus });
        expect([end.order, end.attempt]).toEqual(["paid", "paid"]);
      }),
    );
  });

  it("a replayed approval after a refund or void never un-refunds", () => {
    for (const order of ["partially_refunded", "refunded", "voided"] as const) {
      expect(applyFact({ order, attempt: order, fact: { kind: "paid" }, attemptOwnsOrder: true })).toEqual({ order, attempt: order, reason: "stale" });
    }
  });
});

describe("Try again", () => {
  it("starts a new attempt only on unpaid orders, putting them back to awaiting_payment", () => {
    expect(ORDER_STATUSES.filter(canRetry)).toEqual(["awaiting_payment", "payment_failed"]);
    expect(startRetry("payment_failed")).toBe("awaiting_payment");
    expect(startRetry("awaiting_payment")).toBe("awaiting_payment");
    for (const settled of ["paid", "needs_review", "partially_refunded", "refunded", "voided"] as const) {
      expect(() => startRetry(settled)).toThrow(IllegalTransitionError);
    }
  });
});
