import { describe, expect, it } from "vitest";
import { attemptLedger, captureToReverse } from "@/lib/admin/ledger";
import { moneyEntries, paymentContext, type LedgerRow, type ReservationRow } from "@/lib/orders/payment-ledger";
import { applyFact } from "@/lib/orders/state-machine";
import { classifyTransaction } from "@/lib/orders/transaction-facts";

// Which payment a refund belongs to, and which capture is a second charge, read from recorded transactions.

let rowId = 0;
const row = (
  fact: string,
  paymobTransactionId: number,
  amountCents: number,
  extra: Partial<LedgerRow> = {},
): LedgerRow => ({
  id: ++rowId,
  paymobTransactionId,
  parentTransactionId: null,
  attemptId: "A",
  fact,
  hasParentTransaction: false,
  isCapture: false,
  amountCents,
  refundedAmountCents: null,
  ...extra,
});
const auth = (id: number, amount = 10_000, extra: Partial<LedgerRow> = {}) => row("authorised", id, amount, extra);
const sale = (id: number, amount = 10_000, extra: Partial<LedgerRow> = {}) => row("paid", id, amount, extra);
const capture = (id: number, of: number, amount = 10_000) =>
  row("paid", id, amount, { hasParentTransaction: true, isCapture: true, parentTransactionId: of });
const refundChild = (id: number, of: number | null, amount: number) =>
  row("refund", id, amount, { hasParentTransaction: true, parentTransactionId: of });
const reservation = (
  of: number,
  amountMinor: number,
  status: string,
  childTransactionId: number | null,
): ReservationRow => ({
  paymobTransactionId: of,
  kind: "refund",
  status,
  amountMinor,
  childTransactionId,
});
const incoming = (
  id: number,
  extra: Partial<{
    hasParentTransaction: boolean;
    isAuth: boolean;
    isCapture: boolean;
    parentTransactionId: number | null;
    amountMinor: number;
  }> = {},
) => ({
  id,
  hasParentTransaction: false,
  isAuth: false,
  isCapture: false,
  ...extra,
});

describe("moneyEntries", () => {
  it("an authorisation and its capture are one charge; a second capture or sale is extra", () => {
    const entries = moneyEntries([auth(1), capture(2, 1), capture(3, 1), sale(4)]);
    expect(entries.map((e) => [e.transactionId, e.kind, e.extra])).toEqual([
      [1, "authorisation", false],
      [2, "capture", false],
      [3, "capture", true],
      [4, "capture", true],
    ]);
    expect(entries[0]!.captureIds).toEqual([2, 3]);
  });

  it("a capture that arrived before its authorisation is still one charge with it", () => {
    expect(moneyEntries([capture(2, 1), auth(1)]).map((e) => e.extra)).toEqual([false, false]);
  });

  it("refunds count against the transaction they reverse, each child once; a re-notified capture is a parent report", () => {
    const entries = moneyEntries([
      sale(1),
      sale(2),
      refundChild(10, 2, 4_000),
      refundChild(10, 2, 4_000),
      row("refund", 2, 10_000, { refundedAmountCents: 6_000 }),
    ]);
    expect(entries.map((e) => [e.transactionId, e.childRefundsMinor, e.parentReportedMinor, e.refundedMinor])).toEqual([
      [1, 0, 0, 0],
      [2, 4_000, 6_000, 6_000],
    ]);
    const reNotifiedCapture = row("refund", 2, 10_000, {
      hasParentTransaction: true,
      isCapture: true,
      parentTransactionId: 1,
      refundedAmountCents: 10_000,
    });
    expect(moneyEntries([auth(1), capture(2, 1), reNotifiedCapture])[1]).toMatchObject({
      childRefundsMinor: 0,
      parentReportedMinor: 10_000,
    });
  });

  it("a child without parentTransactionId reverses the attempt's own capture", () => {
    const entries = moneyEntries([
      sale(1),
      sale(2),
      refundChild(10, null, 3_000),
      row("void", 11, 10_000, { hasParentTransaction: true }),
    ]);
    expect(entries.map((e) => [e.refundedMinor, e.voided])).toEqual([
      [3_000, true],
      [0, false],
    ]);
  });
});

// Refunds r1 and r2 of 1 each on sale 1, both answered by Paymob (children 11 and 12). r1's own callback never
// arrives; the sale's re-notification "refunded total 1" does and settles r1 (RESOLVE); then r2's child arrives
// and settles r2. A later "total 2" re-notification signs the same fields as "total 1" and is a duplicate.
describe("settled refund reservations: money Paymob confirmed, even when a refund's own callback is lost", () => {
  const rows = () => [sale(1), row("refund", 1, 10_000, { refundedAmountCents: 1 }), refundChild(12, 1, 1)];
  const bothSettled = [reservation(1, 1, "settled", 11), reservation(1, 1, "settled", 12)];

  it("refunded is the largest of children, parent total and settled reservations", () => {
    expect(moneyEntries(rows(), bothSettled)[0]).toMatchObject({
      childRefundsMinor: 1,
      parentReportedMinor: 1,
      settledRefundsMinor: 2,
      refundedMinor: 2,
    });
    expect(attemptLedger(rows(), "A", bothSettled)).toMatchObject({ refundedMinor: 2, refundableMinor: 9_998 });
    // Pending, released, void or another capture's reservations are not refunded money.
    const others = [
      reservation(1, 5, "pending", null),
      reservation(1, 5, "released", 13),
      { ...reservation(1, 5, "settled", 14), kind: "void" },
      reservation(2, 5, "settled", 15),
    ];
    expect(moneyEntries(rows(), others)[0]).toMatchObject({ settledRefundsMinor: 0, refundedMinor: 1 });
  });

  it("never counts a reservation settled by its own child twice: max, not sum", () => {
    const entries = moneyEntries([sale(1), refundChild(11, 1, 1), refundChild(12, 1, 1)], bothSettled);
    expect(entries[0]).toMatchObject({ childRefundsMinor: 2, settledRefundsMinor: 2, refundedMinor: 2 });
  });

  it("r2's child callback reads the total the SQL will have settled: r1 already, r2 by this callback", () => {
    const recorded = [sale(1), row("refund", 1, 10_000, { refundedAmountCents: 1 })];
    const reservations = [reservation(1, 1, "settled", 11), reservation(1, 1, "pending", 12)];
    const r2 = incoming(12, { hasParentTransaction: true, parentTransactionId: 1, amountMinor: 1 });
    const context = paymentContext(moneyEntries(recorded, reservations), r2, "A", reservations);
    expect(context.ledger).toEqual({
      childRefundsMinor: 0,
      parentReportedMinor: 1,
      settledRefundsMinor: 2,
      capturedMinor: 10_000,
    });
    const flags = {
      success: true,
      pending: false,
      isAuth: false,
      isCapture: false,
      isVoided: false,
      isRefunded: false,
      errorOccurred: false,
      hasParentTransaction: true,
      amountMinor: 1,
      currency: "EGP",
    };
    expect(classifyTransaction(flags, { amountMinor: 10_000, currency: "EGP" }, context.ledger)).toMatchObject({
      kind: "refund",
      refundedTotalMinor: 2,
    });
  });

  it("a child whose reservation a parent total settled already adds nothing more", () => {
    // r1 timed out (no child named), the parent's "total 1" settled it, then r1's own child 11 arrives.
    const recorded = [sale(1), row("refund", 1, 10_000, { refundedAmountCents: 1 })];
    const reservations = [reservation(1, 1, "settled", null)];
    const r1 = incoming(11, { hasParentTransaction: true, parentTransactionId: 1, amountMinor: 1 });
    expect(paymentContext(moneyEntries(recorded, reservations), r1, "A", reservations).ledger.settledRefundsMinor).toBe(
      1,
    );
    // A pending one that never saw an answer, of the same amount, is the one this child settles.
    const unanswered = [reservation(1, 1, "pending", null)];
    expect(paymentContext(moneyEntries(recorded, unanswered), r1, "A", unanswered).ledger.settledRefundsMinor).toBe(1);
    expect(
      paymentContext(moneyEntries(recorded, unanswered), { ...r1, amountMinor: 2 }, "A", unanswered).ledger
        .settledRefundsMinor,
    ).toBe(0);
  });
});

describe("paymentContext: what an incoming transaction is next to the recorded ones", () => {
  const entries = moneyEntries([auth(1), capture(2, 1), sale(3), refundChild(10, 3, 10_000)]);

  it("a capture of the recorded authorisation is not a second charge; any other payment is", () => {
    expect(
      paymentContext(
        moneyEntries([auth(1)]),
        incoming(2, { hasParentTransaction: true, isCapture: true, parentTransactionId: 1 }),
        "A",
      ).otherPayment,
    ).toBe(false);
    expect(paymentContext(moneyEntries([auth(1)]), incoming(1, { isAuth: true }), "A").otherPayment).toBe(false);
    expect(paymentContext(moneyEntries([capture(2, 1)]), incoming(1, { isAuth: true }), "A").otherPayment).toBe(false);
    expect(paymentContext(moneyEntries([sale(1)]), incoming(5), "A").otherPayment).toBe(true);
    expect(paymentContext(moneyEntries([auth(1)]), incoming(5, { isAuth: true }), "A").otherPayment).toBe(true);
  });

  it("a refund of the extra capture is recognised as such, with that capture's own ledger", () => {
    expect(paymentContext(entries, incoming(11, { hasParentTransaction: true, parentTransactionId: 3 }), "A")).toEqual({
      ledger: { childRefundsMinor: 10_000, parentReportedMinor: 0, settledRefundsMinor: 0, capturedMinor: 10_000 },
      otherPayment: false,
      reversesExtraCapture: true,
    });
    expect(
      paymentContext(entries, incoming(12, { hasParentTransaction: true, parentTransactionId: 2 }), "A"),
    ).toMatchObject({ ledger: { childRefundsMinor: 0 }, reversesExtraCapture: false });
  });

  it("the state machine leaves the order's own payment alone when an extra capture is given back", () => {
    const refund = { kind: "refund", via: "child", refundedTotalMinor: 10_000, full: true } as const;
    expect(
      applyFact({
        order: "needs_review",
        attempt: "needs_review",
        fact: refund,
        attemptOwnsOrder: true,
        reversesExtraCapture: true,
      }),
    ).toEqual({
      order: "needs_review",
      attempt: "needs_review",
      reason: "extra_capture_reversed",
    });
    // Through the attempt that made only the second charge, that attempt is refunded; the order is not.
    expect(
      applyFact({
        order: "needs_review",
        attempt: "needs_review",
        fact: refund,
        attemptOwnsOrder: false,
        reversesExtraCapture: true,
      }),
    ).toEqual({
      order: "needs_review",
      attempt: "refunded",
      reason: "other_attempt",
    });
  });
});

describe("the admin ledger", () => {
  it("lists every capture; the one the order stands on is the default refund target, the extra one is named", () => {
    const ledger = attemptLedger([sale(1), sale(2), refundChild(10, 2, 2_500)]);
    expect(ledger).toMatchObject({ capturedTransactionId: 1, refundableMinor: 10_000 });
    expect(ledger.captures.map((c) => [c.transactionId, c.extra, c.refundableMinor, c.canVoid])).toEqual([
      [1, false, 10_000, true],
      [2, true, 7_500, false],
    ]);
    expect(captureToReverse(ledger)?.transactionId).toBe(1);
    expect(captureToReverse(ledger, 2)?.refundableMinor).toBe(7_500);
    expect(captureToReverse(ledger, 99)).toBeUndefined();
  });

  it("an open authorisation can be captured or voided; a captured one neither, and it is never refundable", () => {
    expect(attemptLedger([auth(1)])).toMatchObject({
      capturedTransactionId: null,
      refundableMinor: 0,
      captures: [],
      authorisations: [{ transactionId: 1, canCapture: true, canVoid: true }],
    });
    expect(attemptLedger([auth(1), capture(2, 1)])).toMatchObject({
      capturedTransactionId: 2,
      refundableMinor: 10_000,
      authorisations: [{ captured: true, canCapture: false, canVoid: false }],
    });
    expect(
      attemptLedger([auth(1), row("void", 5, 10_000, { hasParentTransaction: true, parentTransactionId: 1 })])
        .authorisations[0],
    ).toMatchObject({ voided: true, canCapture: false, canVoid: false });
    // A second authorisation is released, never captured.
    expect(attemptLedger([sale(1), auth(2)]).authorisations[0]).toMatchObject({
      extra: true,
      canCapture: false,
      canVoid: true,
    });
  });

  it("reads one attempt out of the whole order's rows", () => {
    const rows = [sale(1), sale(2, 10_000, { attemptId: "B" })];
    expect(attemptLedger(rows, "B").captures).toEqual([expect.objectContaining({ transactionId: 2, extra: true })]);
  });
});
