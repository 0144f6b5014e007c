import "server-only";
import type { Db } from "@/db/client";
import type { PaymentAttempt, PaymentEvent } from "@/db/schema";
import type { LocaleOptions } from "@/lib/locale";
import { formatMoney } from "@/lib/money";
import { eventsOfOrder, transactionsOfOrderOldestFirst } from "@/lib/payments/event-queries";
import { attemptsOfOrder, findOrder } from "./queries";
import { attemptNumberOf } from "./references";

// An order's payment story, told from database rows only: what we asked Paymob, what Paymob told us (and
// whether we believed it), and what that did to the order. Shared by the return page, account and admin.

export type TimelineTone = "neutral" | "info" | "success" | "warning" | "danger";

/**
 * What happened, as codes and values: the words are the page's, in its language (components/orders/timeline-text.ts
 * with the "orders.timeline" messages). `stored` is what the state machine wrote when the callback landed
 * ("paid (Approved)", "refund via parent, total 35000 (full)"): a record, shown as written, amounts formatted.
 */
export type TimelineEvent =
  | { kind: "placed"; reference: string; totalMinor: number; currency: string }
  | { kind: "retry"; attempt: number; mode: PaymentAttempt["mode"] }
  | { kind: "intention"; reference: string }
  | { kind: "refused" }
  | { kind: "opened"; mode: PaymentAttempt["mode"] }
  | { kind: "status"; from: string; to: string; transactionId: number | null; fact: string | null }
  | { kind: "inquiry"; currency: string; stored?: string; outcome?: string }
  | {
      kind: "callback";
      source: PaymentEvent["source"];
      token: boolean;
      verification: PaymentEvent["verification"];
      currency: string;
      stored?: string;
      outcome?: string;
    };

export type TimelineEntry = {
  id: string;
  at: Date;
  event: TimelineEvent;
  /** Only for staff views: ids and developer-facing error messages, in English. */
  internal?: string;
  tone: TimelineTone;
  attempt?: number;
};

/**
 * A line about the current page that is not stored: what Paymob's browser redirect claimed, worded by the page in
 * its language (components/orders/payment-timeline.tsx).
 */
export type TimelineNote =
  | { verified: false; tone: "danger" }
  | { verified: true; said: RedirectClaim; transactionId: number | undefined; tone: "neutral" };
type RedirectClaim = "pending" | "authorised" | "approved" | "declined";

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
    event: { kind: "placed", reference: order.reference, totalMinor: order.totalMinor, currency: order.currency },
  });

  for (const attempt of attempts) {
    const n = numberOf.get(attempt.id);
    if (n !== undefined && n > 1) {
      add(1, {
        id: `retry-${attempt.id}`,
        at: attempt.createdAt,
        tone: "info",
        attempt: n,
        event: { kind: "retry", attempt: n, mode: attempt.mode },
      });
    }
    if (attempt.intendedAt) {
      add(2, {
        id: `intention-${attempt.id}`,
        at: attempt.intendedAt,
        tone: "neutral",
        attempt: n,
        event: { kind: "intention", reference: attempt.specialReference },
        internal: `intention ${attempt.intentionId ?? "?"}, Paymob order ${attempt.intentionOrderId ?? "?"}`,
      });
    }
    if (attempt.status === "creation_failed") {
      add(2, {
        id: `refused-${attempt.id}`,
        at: attempt.updatedAt,
        tone: "danger",
        attempt: n,
        event: { kind: "refused" },
        internal: attempt.error ?? undefined,
      });
    }
    if (attempt.checkoutOpenedAt) {
      const event = { kind: "opened", mode: attempt.mode } as const;
      add(3, { id: `opened-${attempt.id}`, at: attempt.checkoutOpenedAt, tone: "neutral", attempt: n, event });
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
    add(5, {
      id: `status-${tx.id}`,
      at: tx.createdAt,
      tone: toneForStatus(tx.toStatus),
      attempt: tx.attemptId ? numberOf.get(tx.attemptId) : undefined,
      event: {
        kind: "status",
        from: tx.fromStatus,
        to: tx.toStatus,
        transactionId: tx.paymobTransactionId,
        fact: tx.fact,
      },
    });
  }

  entries.sort((a, b) => a.at.getTime() - b.at.getTime() || a.rank - b.rank);
  return entries.map(({ id, at, event, internal, tone, attempt }) => ({ id, at, event, internal, tone, attempt }));
}

function describeEvent(event: PaymentEvent, currency: string): Pick<TimelineEntry, "event" | "internal" | "tone"> {
  const outcome = event.outcome ?? undefined;
  const stored = event.detail ?? undefined;
  // A transaction's detail is what the state machine read from it ("paid (Approved)"); anything else is for staff.
  const what = event.kind === "TRANSACTION" && event.verification === "valid" ? stored : undefined;
  const txn = event.paymobTransactionId ? `Paymob transaction ${event.paymobTransactionId}` : undefined;
  // Staff read amounts as money ("amount EGP 300.00 ≠ EGP 350.00"), in English like the rest of the staff notes.
  const staffDetail = what || stored === undefined ? undefined : formatAmountsIn(stored, currency);
  const internal = [txn, staffDetail].filter(Boolean).join(" · ") || undefined;
  if (event.source === "inquiry") {
    const tone = event.outcome === "inquiry_failed" ? "warning" : "info";
    return { event: { kind: "inquiry", currency, stored: what, outcome }, internal, tone };
  }
  const rejected = event.verification !== "valid";
  return {
    event: {
      kind: "callback",
      source: event.source,
      token: event.kind === "TOKEN",
      verification: event.verification,
      currency,
      stored: what,
      outcome,
    },
    internal,
    tone: rejected ? "danger" : event.outcome === "duplicate" ? "neutral" : "info",
  };
}

/**
 * Event details are stored as written when the callback landed, with amounts in minor units ("refund via parent,
 * total 35000", "amount 35000 ≠ 30000", lib/payments/apply-transaction.ts and lib/orders/transaction-facts.ts).
 * Formatting them here, at display, also covers every row already stored.
 */
export function formatAmountsIn(text: string, currency: string, options: LocaleOptions = {}): string {
  const money = (digits: string) =>
    /^\d{1,15}$/.test(digits) ? formatMoney(Number(digits), currency, options) : digits;
  return text.replace(
    /\b(total|amount) (\d+)(?: ≠ (\d+))?/g,
    (_match, word: string, first: string, second?: string) =>
      `${word} ${money(first)}${second === undefined ? "" : ` ≠ ${money(second)}`}`,
  );
}

function toneForStatus(status: string): TimelineTone {
  if (status === "paid") return "success";
  if (status === "authorised") return "info";
  if (status === "payment_failed" || status === "needs_review") return "danger";
  if (status === "refunded" || status === "partially_refunded" || status === "voided") return "warning";
  return "neutral";
}
