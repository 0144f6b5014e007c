import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { logger } from "@/lib/logger";
import type { Viewer } from "@/lib/auth/session";
import { findAttemptWithOrder, findOrderByReference } from "@/lib/orders/queries";
import { ReplayError, type ApplyResult } from "@/lib/payments";
import { reversalsOfOrder, transactionsOfAttempt } from "@/lib/payments/reservation-queries";
import { toMajorString, parseMajorAmount } from "./amount";
import { asAdmin, type AdminViewer } from "./guard";
import { attemptLedger, captureToReverse } from "./ledger";
import type { ReversalRequest } from "./reversal-balance";
import { findEventOfOrder } from "./orders";
import { releaseUnconfirmedReversal, reserveReversal } from "./reversals";
import { NOT_ADMIN, type AdminNotice } from "./notices";
import { refusalNotice, sendReversal, type ReversalAnswer } from "./send-reversal";

// Admin money operations. Each one checks the caller itself (never trusting that a page did), validates its
// input with zod, re-reads the order from the database, and only then talks to Paymob. The order's status is
// NOT changed here: Paymob answers a refund/void with a new transaction and also POSTs it to our callback URL,
// and that verified callback is what moves the order (one code path for every state change).
// Refunds and voids are reserved in the database before Paymob is called (lib/admin/reversals.ts), so no
// number of clicks, tabs or server instances can ask Paymob for more than was captured.

// `notice` says what happened as a code with its facts (lib/admin/notices.ts); the page puts it in words.
export type AdminActionState =
  | { status: "idle" }
  | { status: "refused"; notice: AdminNotice }
  | { status: "invalid"; notice: AdminNotice }
  | { status: "failed"; notice: AdminNotice }
  /** Paymob's answer never arrived: the reversal may have happened and stays reserved. */
  | { status: "uncertain"; notice: AdminNotice }
  | { status: "released"; notice: AdminNotice }
  | { status: "requested"; notice: AdminNotice }
  | { status: "replayed"; notice: AdminNotice; outcome: string }
  /**
   * The step before a refund or void: what it will do, for the admin to confirm (lib/admin/confirmation.ts).
   * `amount` is sent back with the confirmation (major units, as typed); the notice also names the button.
   */
  | {
      status: "confirm";
      notice: Extract<AdminNotice, { code: "confirm_refund" | "confirm_void" | "confirm_authorisation_void" }>;
      amount: string;
    };

/** Talks to Paymob (or the emulator). Injected so tests can prove a refused call never reaches it. */
export type AdminPaymobGateway = {
  refund(input: { transactionId: number; amountCents: number }): Promise<ReversalAnswer>;
  void(input: { transactionId: number }): Promise<ReversalAnswer>;
};
export type Replayer = (db: Db, eventId: number) => Promise<Pick<ApplyResult, "outcome" | "from" | "to">>;

const REFUSED = { status: "refused", notice: NOT_ADMIN } as const;

/** `transactionId`: which capture of the attempt (a second charge has its own); the attempt's own by default. */
export const attemptInput = z.object({
  reference: z.string().trim().min(1).max(64),
  attemptId: z.uuid(),
  transactionId: z.coerce.number().int().positive().optional(),
});
export const refundInput = attemptInput.extend({ amount: z.string().max(32) });
const releaseInput = z.object({
  reference: z.string().trim().min(1).max(64),
  reversalId: z.coerce.number().int().positive(),
});
const replayInput = z.object({
  reference: z.string().trim().min(1).max(64),
  eventId: z.coerce.number().int().positive(),
});

async function loadAttempt(db: Db, reference: string, attemptId: string) {
  const found = await findAttemptWithOrder(db, { attemptId });
  if (!found || found.order.reference !== reference) return null;
  const { order, attempt } = found;
  const [transactions, reversals] = await Promise.all([
    transactionsOfAttempt(db, order.id, attempt.id),
    reversalsOfOrder(db, order.id),
  ]);
  return {
    orderId: order.id,
    reference: order.reference,
    currency: attempt.currency,
    attemptId: attempt.id,
    ledger: attemptLedger(transactions, undefined, reversals),
  };
}
export type LoadedAttempt = NonNullable<Awaited<ReturnType<typeof loadAttempt>>>;

/** First steps of a refund and a void: an administrator, a complete form, the payment and its capture to reverse. */
export async function openReversal<S extends z.ZodType<z.infer<typeof attemptInput>>>(
  viewer: Viewer | null,
  db: Db,
  form: unknown,
  schema: S,
  kind: ReversalRequest["kind"],
): Promise<
  | { ok: false; state: AdminActionState }
  | {
      ok: true;
      admin: AdminViewer;
      input: z.infer<S>;
      found: LoadedAttempt;
      capture: ReturnType<typeof captureToReverse>;
    }
> {
  const admin = asAdmin(viewer);
  if (!admin) return { ok: false, state: REFUSED };
  const input = schema.safeParse(form);
  if (!input.success)
    return { ok: false, state: { status: "invalid", notice: { code: "form_incomplete", form: kind } } };
  const found = await loadAttempt(db, input.data.reference, input.data.attemptId);
  if (!found) return { ok: false, state: { status: "invalid", notice: { code: "no_payment" } } };
  return {
    ok: true,
    admin,
    input: input.data,
    found,
    capture: captureToReverse(found.ledger, input.data.transactionId),
  };
}

/** The last steps of a refund and a void: reserve it in the database, log who asked, then send it to Paymob. */
async function reserveAndSend(
  db: Db,
  admin: AdminViewer,
  found: LoadedAttempt,
  request: ReversalRequest & { transactionId: number },
  gateway: AdminPaymobGateway,
): Promise<AdminActionState> {
  const { currency, reference } = found;
  const { transactionId } = request;
  // The ledger only shapes the messages; this is the check that holds across requests and instances.
  const reserved = await reserveReversal(db, {
    ...request,
    attemptId: found.attemptId,
    requestedBy: admin.verifiedEmail,
  });
  if (!reserved.ok) return { status: "invalid", notice: refusalNotice(reserved.reason, reserved.balance, currency) };
  const amount = request.kind === "refund" ? { amount: request.amountMinor, currency } : {};
  logAdmin(admin, `${request.kind} requested`, {
    orderReference: reference,
    ...amount,
    transactionId,
    reversalId: reserved.reversal.id,
  });
  const call = () =>
    request.kind === "refund"
      ? gateway.refund({ transactionId, amountCents: request.amountMinor })
      : gateway.void({ transactionId });
  return sendReversal(db, reserved.reversal, reference, call);
}

export async function requestRefund(
  viewer: Viewer | null,
  db: Db,
  form: unknown,
  gateway: AdminPaymobGateway,
): Promise<AdminActionState> {
  const opened = await openReversal(viewer, db, form, refundInput, "refund");
  if (!opened.ok) return opened.state;
  const { admin, input, found, capture } = opened;
  if (!capture || capture.refundableMinor === 0) {
    return { status: "invalid", notice: { code: "nothing_to_refund", currency: found.currency, pendingMinor: 0 } };
  }
  const amount = parseMajorAmount(input.amount, found.currency);
  if (amount === null || amount <= 0)
    return {
      status: "invalid",
      notice: { code: "amount_unreadable", example: toMajorString(capture.refundableMinor, found.currency) },
    };
  const request = { kind: "refund", amountMinor: amount, transactionId: capture.transactionId } as const;
  return reserveAndSend(db, admin, found, request, gateway);
}

export async function requestVoid(
  viewer: Viewer | null,
  db: Db,
  form: unknown,
  gateway: AdminPaymobGateway,
): Promise<AdminActionState> {
  const opened = await openReversal(viewer, db, form, attemptInput, "void");
  if (!opened.ok) return opened.state;
  const { admin, found, capture } = opened;
  if (!capture || !capture.canVoid) {
    return { status: "invalid", notice: { code: "void_needs_unrefunded" } };
  }
  return reserveAndSend(db, admin, found, { kind: "void", transactionId: capture.transactionId }, gateway);
}

/** Frees a refund, void or capture Paymob never confirmed, once an admin has checked it is not in Paymob's dashboard. */
export async function releaseReversalRequest(viewer: Viewer | null, db: Db, form: unknown): Promise<AdminActionState> {
  const admin = asAdmin(viewer);
  if (!admin) return REFUSED;
  const input = releaseInput.safeParse(form);
  if (!input.success) return { status: "invalid", notice: { code: "form_incomplete", form: "release" } };
  const order = await findOrderByReference(db, input.data.reference);
  const reason = `released by ${admin.verifiedEmail}: not in Paymob's dashboard`;
  const released = order ? await releaseUnconfirmedReversal(db, order.id, input.data.reversalId, reason) : null;
  if (!released) return { status: "invalid", notice: { code: "release_impossible" } };
  logAdmin(admin, "reservation released", {
    orderReference: input.data.reference,
    reversalId: input.data.reversalId,
    kind: released,
  });
  return { status: "released", notice: { code: "released", kind: released } };
}

/** Re-runs one stored callback through the live handler; idempotent, so a replay of an applied state is a no-op. */
export async function replayOrderEvent(
  viewer: Viewer | null,
  db: Db,
  form: unknown,
  replay: Replayer,
): Promise<AdminActionState> {
  const admin = asAdmin(viewer);
  if (!admin) return REFUSED;
  const input = replayInput.safeParse(form);
  if (!input.success) return { status: "invalid", notice: { code: "form_incomplete", form: "replay" } };
  const notHere = { status: "invalid", notice: { code: "no_callback" } } as const;
  const order = await findOrderByReference(db, input.data.reference);
  if (!order) return notHere;
  const event = await findEventOfOrder(db, order, input.data.eventId);
  if (!event) return notHere;
  try {
    const result = await replay(db, event.id);
    logAdmin(admin, "event replayed", {
      orderReference: input.data.reference,
      eventId: event.id,
      outcome: result.outcome,
    });
    const { from = null, to = null } = result;
    const changed = from !== null && to !== null && from !== to;
    return {
      status: "replayed",
      outcome: result.outcome,
      notice: {
        code: "replayed",
        eventId: event.id,
        outcome: result.outcome,
        from: changed ? from : null,
        to: changed ? to : null,
      },
    };
  } catch (error) {
    if (!(error instanceof ReplayError)) throw error;
    return { status: "failed", notice: { code: "replay_refused", reason: error.code } };
  }
}

function logAdmin(admin: AdminViewer, what: string, facts: Record<string, unknown> = {}): void {
  logger.info({ scope: "admin", admin: admin.verifiedEmail, ...facts }, what);
}
