import { describe, expect, it } from "vitest";
import { decideAuthorisationRequest, type AuthorisationState } from "@/lib/admin/authorisation-balance";
import type { PaymobTransaction } from "@/lib/paymob/reshape";
import { reversalResolution } from "@/lib/payments/settle-reversal";

// The pure rules behind capture and void reservations on an authorisation: one capture of the authorised amount
// or one void, never both, never twice, never while another request on it awaits Paymob; and which callbacks
// settle or release them.

const AUTH = 700;
const held = { amountMinor: 35_000, captured: false, voided: false, extra: false };
const open: AuthorisationState = {
  authorisation: held,
  pending: [],
  orderStatus: "authorised",
  orderAmountMinor: 35_000,
};
const capture = { kind: "capture" } as const;
const voidIt = { kind: "void" } as const;

describe("which capture and void requests an authorisation still allows", () => {
  it.each([
    [
      "a capture of an open authorisation takes the whole authorised amount",
      open,
      capture,
      { ok: true, kind: "capture", amountMinor: 35_000 },
    ],
    [
      "a void of an open authorisation frees the whole authorised amount",
      open,
      voidIt,
      { ok: true, kind: "void", amountMinor: 35_000 },
    ],
    [
      "a capture while a capture is pending",
      { ...open, pending: [{ kind: "capture" }] },
      capture,
      { ok: false, reason: "capture_pending" },
    ],
    [
      "a void while a capture is pending",
      { ...open, pending: [{ kind: "capture" }] },
      voidIt,
      { ok: false, reason: "capture_pending" },
    ],
    [
      "a capture while a void is pending",
      { ...open, pending: [{ kind: "void" }] },
      capture,
      { ok: false, reason: "void_pending" },
    ],
    [
      "a void while a void is pending",
      { ...open, pending: [{ kind: "void" }] },
      voidIt,
      { ok: false, reason: "void_pending" },
    ],
    [
      "a capture of a captured authorisation",
      { ...open, authorisation: { ...held, captured: true } },
      capture,
      { ok: false, reason: "captured" },
    ],
    [
      "a void of a captured authorisation",
      { ...open, authorisation: { ...held, captured: true } },
      voidIt,
      { ok: false, reason: "captured" },
    ],
    [
      "a capture of a voided authorisation",
      { ...open, authorisation: { ...held, voided: true } },
      capture,
      { ok: false, reason: "voided" },
    ],
    [
      "a void of a voided authorisation",
      { ...open, authorisation: { ...held, voided: true } },
      voidIt,
      { ok: false, reason: "voided" },
    ],
    [
      "anything on a transaction that is no authorisation of the attempt",
      { ...open, authorisation: undefined },
      voidIt,
      { ok: false, reason: "not_authorised" },
    ],
    [
      "a capture of a second authorisation",
      { ...open, authorisation: { ...held, extra: true } },
      capture,
      { ok: false, reason: "second_authorisation" },
    ],
    [
      "a void of a second authorisation",
      { ...open, authorisation: { ...held, extra: true } },
      voidIt,
      { ok: true, kind: "void", amountMinor: 35_000 },
    ],
    [
      "a capture once the order is no longer awaiting capture",
      { ...open, orderStatus: "needs_review" },
      capture,
      { ok: false, reason: "order_not_authorised" },
    ],
    [
      "a void of an order in review",
      { ...open, orderStatus: "needs_review" },
      voidIt,
      { ok: true, kind: "void", amountMinor: 35_000 },
    ],
    [
      "a capture of another amount than the order's",
      { ...open, orderAmountMinor: 30_000 },
      capture,
      { ok: false, reason: "amount_differs" },
    ],
    [
      "a void of another amount than the order's",
      { ...open, orderAmountMinor: 30_000 },
      voidIt,
      { ok: true, kind: "void", amountMinor: 35_000 },
    ],
    [
      "a released request blocks nothing (only pending rows are passed)",
      { ...open, pending: [] },
      capture,
      { ok: true, kind: "capture", amountMinor: 35_000 },
    ],
  ] as const)("%s", (_name, state, request, decision) => {
    expect(decideAuthorisationRequest(state as AuthorisationState, request)).toEqual(decision);
  });
});

describe("what a recorded capture or authorisation callback settles or releases", () => {
  const obj = (o: Partial<PaymobTransaction>) =>
    ({
      id: 800,
      success: true,
      pending: false,
      hasParentTransaction: false,
      isAuth: false,
      isCapture: false,
      isVoided: false,
      isRefunded: false,
      amountMinor: 35_000,
      ...o,
    }) as PaymobTransaction;
  const captureChild = (o: Partial<PaymobTransaction> = {}) =>
    obj({ id: 801, hasParentTransaction: true, parentTransactionId: AUTH, isCapture: true, ...o });

  it("a capture child of the authorisation settles its capture request", () => {
    expect(reversalResolution(captureChild(), "paid", AUTH)).toEqual({
      parent: AUTH,
      kind: "capture",
      child: 801,
      amount: 35_000,
      reportedTotal: null,
      status: "settled",
      reason: null,
    });
    expect(reversalResolution(captureChild({ amountMinor: 30_000 }), "mismatch", AUTH)).toMatchObject({
      kind: "capture",
      status: "settled",
    });
    // Without a parent id it belongs to the attempt's transaction, the authorisation.
    expect(reversalResolution(captureChild({ parentTransactionId: null }), "paid", AUTH)).toMatchObject({
      parent: AUTH,
      kind: "capture",
    });
  });

  it("a declined capture child releases its capture request; a pending or errored one settles nothing yet", () => {
    expect(reversalResolution(captureChild({ success: false }), "ignored", AUTH)).toMatchObject({
      parent: AUTH,
      kind: "capture",
      child: 801,
      status: "released",
      reason: expect.stringContaining("capture transaction 801"),
    });
    expect(reversalResolution(captureChild({ pending: true }), "ignored", AUTH)).toBeNull();
    expect(reversalResolution(captureChild({ errorOccurred: true }), "errored", AUTH)).toBeNull();
  });

  it("an authorisation voided by a child or re-notified as voided settles its void request", () => {
    expect(
      reversalResolution(
        obj({ id: 802, hasParentTransaction: true, parentTransactionId: AUTH, isVoid: true }),
        "void",
        AUTH,
      ),
    ).toMatchObject({ parent: AUTH, kind: "void", child: 802, status: "settled" });
    expect(reversalResolution(obj({ id: AUTH, isAuth: true, isVoided: true }), "void", AUTH)).toMatchObject({
      parent: AUTH,
      kind: "void",
      child: null,
      status: "settled",
    });
  });

  it("the authorisation itself, or its re-notification after a capture, settles nothing", () => {
    expect(reversalResolution(obj({ id: AUTH, isAuth: true }), "authorised", AUTH)).toBeNull();
    expect(reversalResolution(obj({ id: AUTH, isAuth: true, isCapture: true }), "authorised", AUTH)).toBeNull();
    // A sale is not a capture of anything.
    expect(reversalResolution(obj({ id: 803 }), "paid", null)).toBeNull();
  });
});
