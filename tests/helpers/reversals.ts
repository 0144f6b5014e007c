import { expect } from "vitest";
import type { Db } from "@/db/client";
import type { PaymentAttempt } from "@/db/schema/payments";
import type { CaptureGateway } from "@/lib/admin/capture";
import type { AdminPaymobGateway } from "@/lib/admin/operations";
import type { ReversalAnswer } from "@/lib/admin/send-reversal";
import { processCallback } from "@/lib/payments";
import { createOrderWithAttempt, nextId, signedTransaction, TEST_HMAC_SECRET, transactionFor } from "./orders";

// Paid and authorised orders, a recording Paymob gateway and the callbacks Paymob sends for captures, refunds
// and voids, for the reservation tests.

export type GatewayCall = {
  kind: "refund" | "void" | "capture";
  transactionId: number;
  amountCents?: number;
  childId: number;
};
/** What the fake Paymob does with a call: answer (default: an approved child), or throw. */
export type GatewayBehaviour = (call: GatewayCall) => ReversalAnswer | void | Promise<ReversalAnswer | void>;

export function fakeGateway(behave: GatewayBehaviour = () => {}) {
  const calls: GatewayCall[] = [];
  const answer = async (call: GatewayCall): Promise<ReversalAnswer> => {
    calls.push(call);
    return (await behave(call)) ?? { id: call.childId, success: true, pending: false };
  };
  const gateway: AdminPaymobGateway & CaptureGateway = {
    refund: (input) => answer({ kind: "refund", ...input, childId: nextId() }),
    void: (input) => answer({ kind: "void", ...input, childId: nextId() }),
    capture: (input) => answer({ kind: "capture", ...input, childId: nextId() }),
  };
  return { gateway, calls, sentMinor: () => calls.reduce((sum, c) => sum + (c.amountCents ?? 0), 0) };
}

export async function deliver(db: Db, obj: Record<string, unknown>): Promise<string | undefined> {
  const result = await processCallback({ ...signedTransaction(obj), hmacSecret: TEST_HMAC_SECRET, db });
  return result.body.outcome;
}

/** A paid order, paid through a verified callback exactly as in production. */
export async function paidOrder(db: Db, amountMinor = 35_000) {
  const { order, attempt } = await createOrderWithAttempt(db, { amountMinor });
  const sale = transactionFor(attempt);
  expect(await deliver(db, sale)).toBe("applied");
  return { order, attempt, sale };
}

/** An order whose payment Paymob authorised (is_auth) but did not capture, through a verified callback. */
export async function authorisedOrder(db: Db, amountMinor = 35_000) {
  const { order, attempt } = await createOrderWithAttempt(db, { amountMinor });
  const auth = transactionFor(attempt, { is_auth: true });
  expect(await deliver(db, auth)).toBe("applied");
  return { order, attempt, auth };
}

/** Paymob's capture child of an authorisation (what its capture API answers and then POSTs to the callback). */
export const captureChild = (attempt: PaymentAttempt, authorisation: number, id: number, success = true) =>
  transactionFor(attempt, {
    id,
    has_parent_transaction: true,
    parent_transaction: authorisation,
    is_capture: true,
    success,
  });

/** Paymob's refund child transaction (what its refund API answers and then POSTs to the callback). */
export const refundChild = (attempt: PaymentAttempt, parent: number, id: number, amountCents: number, success = true) =>
  transactionFor(attempt, {
    id,
    has_parent_transaction: true,
    parent_transaction: parent,
    is_refund: true,
    amount_cents: amountCents,
    success,
  });

export const voidChild = (attempt: PaymentAttempt, parent: number, id: number) =>
  transactionFor(attempt, { id, has_parent_transaction: true, parent_transaction: parent, is_void: true });

/** The captured transaction re-notified with its running refunded total. */
export const parentRefunded = (attempt: PaymentAttempt, parent: number, refundedTotal: number) =>
  transactionFor(attempt, { id: parent, is_refunded: true, refunded_amount_cents: refundedTotal });
