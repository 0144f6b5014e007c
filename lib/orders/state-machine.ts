import type { OrderStatus } from "@/db/schema/orders";
import type { AttemptStatus } from "@/db/schema/payments";
import { UNPAID_ORDER_STATUSES as UNPAID } from "./statuses";
import type { FactKind, TransactionFact } from "./transaction-facts";

// Order and payment-attempt states only ever move forward. Paymob delivers callbacks late, twice, and out of
// order (no retry contract, duplicates expected), so a "pending" or "declined" arriving after "paid", or a
// replayed approval after a refund, must change nothing. Pure and table-driven: the tables below are the whole
// rule set.

/** Where each order status may go on a Paymob fact. "Try again" (payment_failed → awaiting_payment) is a user
 * action and lives in startRetry, never here. */
const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  awaiting_payment: [
    "payment_failed",
    "authorised",
    "paid",
    "needs_review",
    "partially_refunded",
    "refunded",
    "voided",
  ],
  payment_failed: ["authorised", "paid", "needs_review", "partially_refunded", "refunded", "voided"],
  // Captured (paid), cancelled (voided), or a refund whose capture callback never came; never back to unpaid.
  authorised: ["paid", "needs_review", "partially_refunded", "refunded", "voided"],
  // needs_review: the customer was charged twice, or Paymob reported an error on the paying transaction.
  paid: ["needs_review", "partially_refunded", "refunded", "voided"],
  needs_review: ["partially_refunded", "refunded", "voided"],
  partially_refunded: ["refunded"],
  refunded: [],
  voided: [],
};

type CallbackAttemptStatus = Exclude<AttemptStatus, "creating" | "intended" | "creation_failed">;
const FROM_UNSETTLED: readonly CallbackAttemptStatus[] = [
  "pending",
  "declined",
  "authorised",
  "paid",
  "needs_review",
  "partially_refunded",
  "refunded",
  "voided",
];

/** The same for the attempt the transaction belongs to. "declined → paid" is real: Unified Checkout lets the
 * customer try another card on the same intention. A creation_failed attempt can still be paid when our
 * create call timed out after Paymob had accepted it. */
const ATTEMPT_TRANSITIONS: Record<AttemptStatus, readonly AttemptStatus[]> = {
  creating: FROM_UNSETTLED,
  intended: FROM_UNSETTLED,
  creation_failed: FROM_UNSETTLED,
  pending: ["declined", "authorised", "paid", "needs_review", "partially_refunded", "refunded", "voided"],
  declined: ["authorised", "paid", "needs_review", "partially_refunded", "refunded", "voided"],
  authorised: ["paid", "needs_review", "partially_refunded", "refunded", "voided"],
  paid: ["needs_review", "partially_refunded", "refunded", "voided"],
  needs_review: ["partially_refunded", "refunded", "voided"],
  partially_refunded: ["refunded"],
  refunded: [],
  voided: [],
};

type Targets = { order: OrderStatus | null; attempt: AttemptStatus | null };
const refundTargets = (full: boolean): Targets =>
  full ? { order: "refunded", attempt: "refunded" } : { order: "partially_refunded", attempt: "partially_refunded" };

/** What each fact asks for; null = this fact never changes that record. */
const REVIEW: Targets = { order: "needs_review", attempt: "needs_review" };
const TARGETS: { [K in FactKind]: (fact: Extract<TransactionFact, { kind: K }>) => Targets } = {
  paid: () => ({ order: "paid", attempt: "paid" }),
  // A hold on the card, not money: the order waits for the capture (or a void) before anything ships.
  authorised: (fact) => (fact.mismatch ? REVIEW : { order: "authorised", attempt: "authorised" }),
  mismatch: () => REVIEW, // money arrived, but not what was asked
  errored: () => REVIEW, // Paymob says it worked and that an error occurred: a person decides
  declined: () => ({ order: "payment_failed", attempt: "declined" }),
  pending: () => ({ order: null, attempt: "pending" }), // the order is already awaiting payment
  refund: (fact) => refundTargets(fact.full),
  void: () => ({ order: "voided", attempt: "voided" }),
  ignored: () => ({ order: null, attempt: null }),
};

/** Facts that take an unpaid order out of the unpaid states whichever attempt they come through. */
const SETTLING: ReadonlySet<FactKind> = new Set(["paid", "mismatch", "authorised", "errored"]);
/** Facts that charge (or hold) the customer's money: a second one on the same order is a double charge. */
const CHARGING: ReadonlySet<FactKind> = new Set(["paid", "mismatch", "authorised"]);
const REVERSALS: ReadonlySet<FactKind> = new Set(["refund", "void"]);

export type TransitionInput = {
  order: OrderStatus;
  attempt: AttemptStatus;
  fact: TransactionFact;
  /** Whether the order's status follows this attempt: its latest attempt while unpaid, the attempt that
   * paid it once settled. Another attempt's decline must not fail an order the customer is paying again. */
  attemptOwnsOrder: boolean;
  /** The order's refunded total so far; a refund fact only ever raises it. */
  orderRefundedMinor?: number;
  /** Another Paymob transaction already holds or took money for this order (lib/orders/payment-ledger.ts):
   * a charging fact is then a second charge, whichever attempt it comes through. */
  otherPayment?: boolean;
  /** The refund/void gives back a second charge, not the payment the order stands on. */
  reversesExtraCapture?: boolean;
};

export type TransitionReason =
  | "applied" // at least one status moved forward
  | "refund_recorded" // a larger refund total on an already partially refunded order
  | "double_payment" // a second charge on an order that was already paid or authorised: flagged, refund it
  | "extra_capture_reversed" // a refund/void of such a second charge: the order's own payment is untouched
  | "other_attempt" // a fact about an attempt the order no longer follows; only the attempt moved (or nothing)
  | "stale" // would move backwards or sideways: late, out of order, or replayed
  | "ignored"; // the fact itself changes nothing (e.g. a failed refund)

export type Transition = {
  order: OrderStatus;
  attempt: AttemptStatus;
  reason: TransitionReason;
  /** Set when the order's refunded total should become this value. */
  refundedMinor?: number;
};

const canMoveOrder = (from: OrderStatus, to: OrderStatus) => ORDER_TRANSITIONS[from].includes(to);
const canMoveAttempt = (from: AttemptStatus, to: AttemptStatus) => ATTEMPT_TRANSITIONS[from].includes(to);

function targetsFor(fact: TransactionFact): Targets {
  return (TARGETS[fact.kind] as (f: TransactionFact) => Targets)(fact);
}

export function applyFact(input: TransitionInput): Transition {
  const { order, attempt, fact, attemptOwnsOrder, orderRefundedMinor = 0 } = input;
  const targets = targetsFor(fact);
  if (!targets.order && !targets.attempt) return { order, attempt, reason: "ignored" };

  // Giving back a second charge changes nothing about the payment the order stands on; the attempt that made
  // only that second charge (another attempt) still records its refund below.
  if (REVERSALS.has(fact.kind) && input.reversesExtraCapture && attemptOwnsOrder)
    return { order, attempt, reason: "extra_capture_reversed" };

  // Money arriving through any attempt settles an unpaid order (the customer did pay). A second charge — another
  // transaction id while one already holds or took the money, through this attempt or another — is never
  // dropped as stale: the order and the attempt go to review, and the admin page offers to refund it.
  const settlesThroughOther = !attemptOwnsOrder && SETTLING.has(fact.kind);
  if ((CHARGING.has(fact.kind) && input.otherPayment) || (settlesThroughOther && !UNPAID.has(order))) {
    return {
      order: canMoveOrder(order, "needs_review") ? "needs_review" : order,
      attempt: canMoveAttempt(attempt, "needs_review") ? "needs_review" : attempt,
      reason: "double_payment",
    };
  }

  const nextAttempt = targets.attempt && canMoveAttempt(attempt, targets.attempt) ? targets.attempt : attempt;
  const orderFollows = attemptOwnsOrder || settlesThroughOther;
  const nextOrder = orderFollows && targets.order && canMoveOrder(order, targets.order) ? targets.order : order;
  const refunded =
    fact.kind === "refund" && orderFollows && isRefundStatus(nextOrder)
      ? Math.max(fact.refundedTotalMinor, orderRefundedMinor)
      : undefined;

  if (nextOrder !== order)
    return { order: nextOrder, attempt: nextAttempt, reason: "applied", refundedMinor: refunded };
  // A refund can move only the attempt (the order is already partially refunded); its larger total still counts.
  const raised = refunded !== undefined && refunded > orderRefundedMinor ? refunded : undefined;
  if (nextAttempt !== attempt)
    return { order, attempt: nextAttempt, reason: orderFollows ? "applied" : "other_attempt", refundedMinor: raised };
  if (raised !== undefined && order === "partially_refunded") {
    return { order, attempt, reason: "refund_recorded", refundedMinor: raised };
  }
  return { order, attempt, reason: "stale" };
}

const isRefundStatus = (status: OrderStatus) => status === "partially_refunded" || status === "refunded";

// ---- "Try again": the one user action that moves an order back ----

export class IllegalTransitionError extends Error {
  constructor(
    readonly from: OrderStatus,
    readonly action: string,
  ) {
    super(`Cannot ${action} an order that is ${from}`);
    this.name = "IllegalTransitionError";
  }
}

/** A new payment attempt may be started when the last one failed, or while the order was never paid
 * (an abandoned or never-created intention). Settled orders never take new money. */
export function canRetry(order: OrderStatus): boolean {
  return UNPAID.has(order);
}

/** The order status a new attempt puts the order in. Throws IllegalTransitionError for settled orders. */
export function startRetry(order: OrderStatus): OrderStatus {
  if (!canRetry(order)) throw new IllegalTransitionError(order, "retry payment on");
  return "awaiting_payment";
}
