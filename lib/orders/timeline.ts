import "server-only";
import type { Db } from "@/db/client";
import type { PaymentAttempt, PaymentEvent } from "@/db/schema";
import { formatMoney } from "@/lib/money";
import { eventsOfOrder, transactionsOfOrderOldestFirst } from "@/lib/payments/event-queries";
import { attemptsOfOrder, findOrder } from "./queries";
import { attemptNumberOf } from "./references";
import { orderStatusLabel } from "./status-labels";

// An order's payment story, told from database rows only: what we asked Paymob, what Paymob told us (and
// whether we believed it), and what that did to the order. Shared by the return page, account and admin.

export type TimelineTone = "neutral" | "info" | "success" | "warning" | "danger";

export type TimelineEntry = {
  id: string;
  at: Date;
  title: string;
  /** Safe for the customer. */
  detail?: string;
  /** Only for staff views: ids and developer-facing error messages. */
  internal?: string;
  tone: TimelineTone;
  attempt?: number;
};

/** A line about the current page that is not stored (the browser redirect's claim). */
export type TimelineNote = { title: string; detail?: string; tone: TimelineTone };

const MODE_LABEL: Record<PaymentAttempt["mode"], string> = { redirect: "hosted checkout", pixel: "embedded Pixel" };

/** Every timeline entry of an order, oldest first; empty when the order does not exist. */
export async function loadOrderTimeline(db: Db, orderId: string): Promise<TimelineEntry[]> {
  const order = await findOrder(db, orderId);
  if (!order) return [];
  const attempts = await attemptsOfOrder(db, orderId);
  const events = await eventsOfOrder(db, orderId, attempts);
  const transactions = await transactionsOfOrderOldestFirst(db, orderId);

  const numberOf = new Map(attempts.map((a) => [a.id, attemptNumberOf(a.specialReference)]));
  const entries: (TimelineEntry & { rank: number })[] = [];
  const add = (rank: number, entry: TimelineEntry) => entries.push({ ...entry, rank });

  add(0, {
    id: `order-${order.id}`,
    at: order.createdAt,
    tone: "neutral",
    title: `Order ${order.reference} placed`,
    detail: `${formatMoney(order.totalMinor, order.currency)} to pay`,
  });

  for (const attempt of attempts) {
    const n = numberOf.get(attempt.id);
    if (n !== undefined && n > 1) {
      add(1, {
        id: `retry-${attempt.id}`,
        at: attempt.createdAt,
        tone: "info",
        attempt: n,
        title: `Try again: payment attempt ${n} started`,
        detail: `Order back to awaiting payment · paying by ${MODE_LABEL[attempt.mode]}`,
      });
    }
    if (attempt.intendedAt) {
      add(2, {
        id: `intention-${attempt.id}`,
        at: attempt.intendedAt,
        tone: "neutral",
        attempt: n,
        title: "Payment intention created with Paymob",
        detail: `Reference ${attempt.specialReference}`,
        internal: `intention ${attempt.intentionId ?? "?"}, Paymob order ${attempt.intentionOrderId ?? "?"}`,
      });
    }
    if (attempt.status === "creation_failed") {
      add(2, {
        id: `refused-${attempt.id}`,
        at: attempt.updatedAt,
        tone: "danger",
        attempt: n,
        title: "Paymob did not start the payment",
        detail: "No payment was taken.",
        internal: attempt.error ?? undefined,
      });
    }
    if (attempt.checkoutOpenedAt) {
      const title = attempt.mode === "pixel" ? "Embedded card form (Pixel) opened" : "Sent to Paymob's hosted checkout";
      add(3, { id: `opened-${attempt.id}`, at: attempt.checkoutOpenedAt, tone: "neutral", attempt: n, title });
    }
  }

  for (const event of events) {
    add(4, {
      id: `event-${event.id}`,
      at: event.receivedAt,
      attempt: event.attemptId ? numberOf.get(event.attemptId) : undefined,
      ...describeEvent(event, order.currency),
    });
  }

  for (const tx of transactions) {
    if (!tx.fromStatus || !tx.toStatus || tx.fromStatus === tx.toStatus) continue;
    const from = orderStatusLabel(tx.fromStatus);
    const to = orderStatusLabel(tx.toStatus);
    add(5, {
      id: `status-${tx.id}`,
      at: tx.createdAt,
      tone: toneForStatus(tx.toStatus),
      attempt: tx.attemptId ? numberOf.get(tx.attemptId) : undefined,
      title: `Order status: ${from} → ${to}`,
      detail: tx.fact
        ? `Paymob transaction ${tx.paymobTransactionId}: ${tx.fact.replaceAll("_", " ")}`
        : `Paymob transaction ${tx.paymobTransactionId}`,
    });
  }

  entries.sort((a, b) => a.at.getTime() - b.at.getTime() || a.rank - b.rank);
  return entries.map(({ id, at, title, detail, internal, tone, attempt }) => ({
    id,
    at,
    title,
    detail,
    internal,
    tone,
    attempt,
  }));
}

const VERIFICATION_TEXT: Record<PaymentEvent["verification"], string> = {
  valid: "signature verified",
  invalid: "rejected: the signature did not match",
  missing: "rejected: no signature",
};

function describeEvent(
  event: PaymentEvent,
  currency: string,
): Pick<TimelineEntry, "title" | "detail" | "internal" | "tone"> {
  const outcome = event.outcome ? (OUTCOME_TEXT[event.outcome] ?? event.outcome.replaceAll("_", " ")) : undefined;
  const stored = event.detail === null ? null : formatAmountsIn(event.detail, currency);
  // A transaction's detail is what the state machine read from it ("paid (Approved)"); anything else is for staff.
  const what = event.kind === "TRANSACTION" && event.verification === "valid" ? stored : undefined;
  const txn = event.paymobTransactionId ? `Paymob transaction ${event.paymobTransactionId}` : undefined;
  const internal = [txn, what ? undefined : stored].filter(Boolean).join(" · ") || undefined;
  if (event.source === "inquiry") {
    const tone = event.outcome === "inquiry_failed" ? "warning" : "info";
    return {
      title: "Asked Paymob for the payment status",
      detail: [what, outcome].filter(Boolean).join(" · ") || undefined,
      internal,
      tone,
    };
  }
  const title =
    event.source === "replay"
      ? "Paymob callback replayed"
      : event.kind === "TOKEN"
        ? "Paymob card-token callback received"
        : "Paymob callback received";
  const rejected = event.verification !== "valid";
  const detail = [VERIFICATION_TEXT[event.verification], what, outcome].filter(Boolean).join(" · ");
  return { title, detail, internal, tone: rejected ? "danger" : event.outcome === "duplicate" ? "neutral" : "info" };
}

/**
 * Event details are stored as written when the callback landed, with amounts in minor units ("refund via parent,
 * total 35000", "amount 35000 ≠ 30000", lib/payments/apply-transaction.ts and lib/orders/transaction-facts.ts).
 * Formatting them here, at display, also covers every row already stored.
 */
export function formatAmountsIn(text: string, currency: string): string {
  const money = (digits: string) => (/^\d{1,15}$/.test(digits) ? formatMoney(Number(digits), currency) : digits);
  return text.replace(
    /\b(total|amount) (\d+)(?: ≠ (\d+))?/g,
    (_match, word: string, first: string, second?: string) =>
      `${word} ${money(first)}${second === undefined ? "" : ` ≠ ${money(second)}`}`,
  );
}

// Outcomes written by lib/payments (the state machine's reasons plus the callback route's own).
const OUTCOME_TEXT: Record<string, string> = {
  applied: "applied",
  refund_recorded: "refund recorded",
  double_payment: "second charge on this order: flagged for review and refund",
  extra_capture_reversed: "gives back a second charge: the order's own payment is unchanged",
  other_attempt: "about an earlier attempt: order unchanged",
  stale: "older news: order unchanged",
  ignored: "nothing to change",
  duplicate: "duplicate: already applied",
  unknown_order: "for an order we do not know",
  malformed: "malformed body",
  rejected_signature: "not applied",
  token_stored: "saved-card token stored",
  no_transaction: "no transaction yet",
  inquiry_failed: "could not get an answer",
};

function toneForStatus(status: string): TimelineTone {
  if (status === "paid") return "success";
  if (status === "authorised") return "info";
  if (status === "payment_failed" || status === "needs_review") return "danger";
  if (status === "refunded" || status === "partially_refunded" || status === "voided") return "warning";
  return "neutral";
}
