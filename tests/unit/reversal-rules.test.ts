import { describe, expect, it } from "vitest";
import { decideReversal, reversalBalance, type BalanceTransaction } from "@/lib/admin/reversal-balance";
import { paymobCertainlyRefused } from "@/lib/admin/send-reversal";
import {
  PaymobAuthError,
  PaymobUnavailableError,
  PaymobUnexpectedResponseError,
  PaymobValidationError,
} from "@/lib/paymob/errors";
import type { PaymobTransaction } from "@/lib/paymob/reshape";
import { reversalResolution } from "@/lib/payments/settle-reversal";

// The pure rules behind refund/void reservations: what is still refundable on one captured transaction,
// which requests fit, which Paymob errors free a reservation, and what a callback settles.

const SALE = 77;
const tx = (fact: string, amountCents: number, extra: Partial<BalanceTransaction> = {}): BalanceTransaction => ({
  paymobTransactionId: SALE,
  fact,
  hasParentTransaction: false,
  parentTransactionId: null,
  amountCents,
  refundedAmountCents: null,
  ...extra,
});
const child = (fact: string, id: number, amountCents: number, parent: number | null = SALE) =>
  tx(fact, amountCents, { paymobTransactionId: id, hasParentTransaction: true, parentTransactionId: parent });
const sale = tx("paid", 10_000);

describe("refundable = captured − verified refunds − pending reservations, per captured transaction", () => {
  it("counts refunds a verified callback settled even when their own child never arrived; max, not sum", () => {
    // r1 and r2 of 1 each: r1's child lost, the parent's "total 1" settled r1, r2's child settled r2.
    const rows = [sale, tx("refund", 10_000, { refundedAmountCents: 1 }), child("refund", 12, 1)];
    expect(reversalBalance(SALE, rows, [], 2)).toMatchObject({ refundedMinor: 2, refundableMinor: 9_998 });
    expect(reversalBalance(SALE, [sale, child("refund", 11, 1), child("refund", 12, 1)], [], 2)).toMatchObject({
      refundedMinor: 2,
      refundableMinor: 9_998,
    });
  });

  it("counts pending reservations as if they had happened", () => {
    const balance = reversalBalance(SALE, [sale, child("refund", 80, 2_000)], [{ kind: "refund", amountMinor: 3_000 }]);
    expect(balance).toEqual({
      capturedMinor: 10_000,
      refundedMinor: 2_000,
      voided: false,
      pendingRefundMinor: 3_000,
      pendingVoid: false,
      refundableMinor: 5_000,
    });
  });

  it("a parent's reported total is a floor under the children's sum, and re-delivered children count once", () => {
    const c = child("refund", 80, 2_000);
    expect(
      reversalBalance(SALE, [sale, c, c, tx("refund", 10_000, { refundedAmountCents: 4_500 })], []).refundedMinor,
    ).toBe(4_500);
    expect(
      reversalBalance(
        SALE,
        [sale, c, child("refund", 81, 3_000), tx("refund", 10_000, { refundedAmountCents: 2_000 })],
        [],
      ).refundedMinor,
    ).toBe(5_000);
  });

  it("only looks at the transaction asked about: another capture's refunds do not count, unplaceable children do", () => {
    const second = tx("paid", 10_000, { paymobTransactionId: 99 });
    const rows = [sale, second, child("refund", 100, 4_000, 99)];
    expect(reversalBalance(SALE, rows, []).refundableMinor).toBe(10_000);
    expect(reversalBalance(99, rows, []).refundableMinor).toBe(6_000);
    expect(reversalBalance(SALE, [...rows, child("refund", 101, 1_000, null)], []).refundableMinor).toBe(9_000);
    expect(reversalBalance(12345, rows, [])).toMatchObject({ capturedMinor: 0, refundableMinor: 0 });
  });

  it("a void, settled or pending, leaves nothing refundable", () => {
    expect(reversalBalance(SALE, [sale, child("void", 90, 10_000)], []).refundableMinor).toBe(0);
    expect(reversalBalance(SALE, [sale, tx("void", 10_000)], []).voided).toBe(true);
    expect(reversalBalance(SALE, [sale], [{ kind: "void", amountMinor: 10_000 }])).toMatchObject({
      pendingVoid: true,
      refundableMinor: 0,
    });
  });
});

describe("which requests fit", () => {
  const open = reversalBalance(SALE, [sale], []);
  it.each([
    [
      "a refund of everything",
      open,
      { kind: "refund", amountMinor: 10_000 },
      { ok: true, kind: "refund", amountMinor: 10_000 },
    ],
    ["one minor unit too much", open, { kind: "refund", amountMinor: 10_001 }, { ok: false, reason: "exceeds" }],
    ["zero", open, { kind: "refund", amountMinor: 0 }, { ok: false, reason: "exceeds" }],
    [
      "a void of an untouched capture reserves all of it",
      open,
      { kind: "void" },
      { ok: true, kind: "void", amountMinor: 10_000 },
    ],
    [
      "a void while a refund is pending",
      reversalBalance(SALE, [sale], [{ kind: "refund", amountMinor: 1 }]),
      { kind: "void" },
      { ok: false, reason: "refund_pending" },
    ],
    [
      "a refund while a void is pending",
      reversalBalance(SALE, [sale], [{ kind: "void", amountMinor: 10_000 }]),
      { kind: "refund", amountMinor: 1 },
      { ok: false, reason: "void_pending" },
    ],
    [
      "a void after a refund",
      reversalBalance(SALE, [sale, child("refund", 80, 1)], []),
      { kind: "void" },
      { ok: false, reason: "refunded" },
    ],
    [
      "anything after a void",
      reversalBalance(SALE, [sale, child("void", 90, 10_000)], []),
      { kind: "refund", amountMinor: 1 },
      { ok: false, reason: "voided" },
    ],
    [
      "anything on a transaction that captured nothing",
      reversalBalance(SALE, [tx("declined", 10_000)], []),
      { kind: "void" },
      { ok: false, reason: "not_captured" },
    ],
  ] as const)("%s", (_name, balance, request, decision) => {
    expect(decideReversal(balance, request)).toEqual(decision);
  });
});

describe("which Paymob failures prove nothing was reversed", () => {
  it.each([
    ["400 validation", new PaymobValidationError("refund", { detail: "Refund amount exceeds" }), true],
    ["401 credentials", new PaymobAuthError("refund", 401, "no", "check the key"), true],
    ["429 rate limit", new PaymobUnavailableError("server_error", 429, "slow down"), true],
    ["a timeout", new PaymobUnavailableError("timeout", null, "no answer"), false],
    ["a dropped connection", new PaymobUnavailableError("network", null, "ECONNRESET"), false],
    ["a 502", new PaymobUnavailableError("server_error", 502, "bad gateway"), false],
    ["an unreadable 200", new PaymobUnexpectedResponseError("not JSON", 200), false],
    ["anything that is not a Paymob error", new Error("boom"), false],
  ] as const)("%s → %s", (_name, error, certain) => {
    expect(paymobCertainlyRefused(error)).toBe(certain);
  });
});

describe("what a recorded callback settles or releases", () => {
  const obj = (o: Partial<PaymobTransaction>) =>
    ({
      id: 500,
      success: true,
      pending: false,
      hasParentTransaction: false,
      isVoided: false,
      isRefunded: false,
      amountMinor: 10_000,
      ...o,
    }) as PaymobTransaction;

  it("a refund child settles by its own id, a parent re-notification by its reported total", () => {
    expect(
      reversalResolution(
        obj({ id: 501, hasParentTransaction: true, parentTransactionId: SALE, amountMinor: 2_500 }),
        "refund",
        SALE,
      ),
    ).toMatchObject({
      parent: SALE,
      kind: "refund",
      child: 501,
      amount: 2_500,
      reportedTotal: null,
      status: "settled",
    });
    expect(reversalResolution(obj({ id: SALE, isRefunded: true, refundedMinor: 2_500 }), "refund", SALE)).toMatchObject(
      {
        parent: SALE,
        kind: "refund",
        child: null,
        reportedTotal: 2_500,
        status: "settled",
      },
    );
    expect(reversalResolution(obj({ id: SALE, isVoided: true }), "void", SALE)).toMatchObject({
      parent: SALE,
      kind: "void",
      child: null,
      reportedTotal: null,
    });
  });

  it("a declined child releases; a child without a parent id falls back to the attempt's transaction", () => {
    expect(
      reversalResolution(
        obj({ id: 502, hasParentTransaction: true, success: false, amountMinor: 2_500 }),
        "ignored",
        SALE,
      ),
    ).toMatchObject({
      parent: SALE,
      kind: "refund",
      child: 502,
      status: "released",
      reason: expect.stringContaining("declined"),
    });
    expect(
      reversalResolution(obj({ id: 503, hasParentTransaction: true, success: false, pending: true }), "ignored", SALE),
    ).toBeNull();
  });

  it("payments and pending transactions touch no reservation", () => {
    expect(reversalResolution(obj({}), "paid", null)).toBeNull();
    expect(reversalResolution(obj({ success: false }), "declined", SALE)).toBeNull();
  });
});
