import { describe, expect, it } from "vitest";
import { parseMajorAmount, toMajorString } from "@/lib/admin/amount";
import { attemptLedger } from "@/lib/admin/ledger";

// Pure rules behind the admin refund form; no database needed.

describe("refund amounts typed in major units", () => {
  it.each([
    ["100", "EGP", 10_000],
    ["100.5", "EGP", 10_050],
    ["100.50", "EGP", 10_050],
    ["0.07", "EGP", 7],
    [" 1,250.00 ", "EGP", 125_000],
    ["12.345", "OMR", 12_345],
    ["500", "JPY", 500],
    ["0.1", "EGP", 10], // no float drift: 0.1 × 100 is exactly 10 here
  ])("%s %s → %d minor units", (input, currency, minor) => {
    expect(parseMajorAmount(input, currency)).toBe(minor);
  });

  it.each([
    ["12.345", "EGP"],
    ["1.5", "JPY"],
    ["-1", "EGP"],
    ["1e3", "EGP"],
    ["", "EGP"],
    ["1,25", "EGP"],
    ["12.3.4", "EGP"],
    ["9999999999999", "EGP"],
    ["0x10", "EGP"],
  ])("rejects %s %s", (input, currency) => {
    expect(parseMajorAmount(input, currency)).toBeNull();
  });

  it("round-trips with the pre-filled value", () => {
    for (const [minor, currency] of [
      [5, "EGP"],
      [12_345, "EGP"],
      [1, "OMR"],
      [77, "JPY"],
    ] as const) {
      expect(parseMajorAmount(toMajorString(minor, currency), currency)).toBe(minor);
    }
  });
});

describe("per-attempt ledger from recorded Paymob transactions", () => {
  let id = 0;
  type Extra = Partial<{
    paymobTransactionId: number;
    hasParentTransaction: boolean;
    isCapture: boolean;
    parentTransactionId: number | null;
    refundedAmountCents: number | null;
  }>;
  const tx = (fact: string, amountCents: number, extra: Extra = {}) => ({
    id: ++id,
    paymobTransactionId: extra.paymobTransactionId ?? 1000 + id,
    parentTransactionId: extra.parentTransactionId ?? null,
    attemptId: "attempt-1",
    fact,
    hasParentTransaction: extra.hasParentTransaction ?? false,
    isCapture: extra.isCapture ?? false,
    amountCents,
    refundedAmountCents: extra.refundedAmountCents ?? null,
  });

  it("nothing captured: nothing to refund or void", () => {
    expect(attemptLedger([tx("declined", 5_000)])).toMatchObject({
      capturedTransactionId: null,
      refundableMinor: 0,
      canVoid: false,
    });
  });

  it("a capture is fully refundable and voidable", () => {
    const sale = tx("paid", 5_000, { paymobTransactionId: 77 });
    expect(attemptLedger([sale])).toMatchObject({
      capturedTransactionId: 77,
      capturedMinor: 5_000,
      refundedMinor: 0,
      voided: false,
      refundableMinor: 5_000,
      canVoid: true,
    });
  });

  it("refund children add up once each, and a parent's reported total is a floor", () => {
    const sale = tx("paid", 5_000, { paymobTransactionId: 77 });
    const child = tx("refund", 1_000, { hasParentTransaction: true, paymobTransactionId: 78 });
    const duplicate = { ...child, id: ++id }; // the same child re-delivered
    const child2 = tx("refund", 500, { hasParentTransaction: true, paymobTransactionId: 79 });
    expect(attemptLedger([sale, child, duplicate, child2])).toMatchObject({
      refundedMinor: 1_500,
      refundableMinor: 3_500,
      canVoid: false,
    });
    const parent = tx("refund", 5_000, { paymobTransactionId: 77, refundedAmountCents: 2_000 });
    expect(attemptLedger([sale, child, parent])).toMatchObject({ refundedMinor: 2_000, refundableMinor: 3_000 });
  });

  it("a mismatched capture (needs review) can still be refunded; a void ends everything", () => {
    const odd = tx("mismatch", 4_000, { paymobTransactionId: 90 });
    expect(attemptLedger([odd])).toMatchObject({ capturedTransactionId: 90, refundableMinor: 4_000 });
    expect(attemptLedger([odd, tx("void", 4_000, { hasParentTransaction: true })])).toMatchObject({
      voided: true,
      refundableMinor: 0,
      canVoid: false,
    });
  });
});
