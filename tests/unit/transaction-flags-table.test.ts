import { describe, expect, it } from "vitest";
import { ORDER_STATUSES, type OrderStatus } from "@/db/schema/orders";
import type { AttemptStatus } from "@/db/schema/payments";
import { applyFact } from "@/lib/orders/state-machine";
import { classifyTransaction, type TransactionFact, type TransactionFlags } from "@/lib/orders/transaction-facts";

// Every combination of the eight flags that decide what a Paymob transaction means (2^8 = 256 rows), each with
// the fact it must be read as and the order and attempt states it must lead to from every starting state. The
// expectations are written out below as rules and tables, from what the flags mean in Paymob's documentation —
// never computed by the code under test.

const FLAGS = [
  "success",
  "pending",
  "isAuth",
  "isCapture",
  "isVoided",
  "isRefunded",
  "errorOccurred",
  "hasParentTransaction",
] as const;
type Flags = Record<(typeof FLAGS)[number], boolean>;

const EXPECTED = { amountMinor: 10_000, currency: "EGP" };

/** What a transaction means, before amounts are compared. */
type Meaning =
  | "paid"
  | "authorised"
  | "mismatch"
  | "authorised_mismatch"
  | "errored"
  | "declined"
  | "pending"
  | "void"
  | "refund_full"
  | "refund_partial"
  | "ignored";

const reversalChild = (f: Flags) => f.hasParentTransaction && !f.isCapture; // a refund or void of a payment
const captureChild = (f: Flags) => f.hasParentTransaction && f.isCapture; // a capture of an authorisation

/** The first rule that matches decides. */
const RULES: [rule: string, applies: (f: Flags) => boolean, meaning: Meaning][] = [
  [
    "a refund/void child that did not go through gives nothing back",
    (f) => reversalChild(f) && (!f.success || f.pending),
    "ignored",
  ],
  ["a refund/void child that reports an error needs a person", (f) => reversalChild(f) && f.errorOccurred, "errored"],
  ["a successful void child voids the payment", (f) => reversalChild(f) && f.isVoided, "void"],
  [
    "any other successful child of a payment is a refund (here of the whole amount)",
    (f) => reversalChild(f),
    "refund_full",
  ],
  ["a capture that did not go through changes nothing", (f) => captureChild(f) && (!f.success || f.pending), "ignored"],
  ["not successful and pending: still pending", (f) => !f.success && f.pending, "pending"],
  ["not successful: declined", (f) => !f.success, "declined"],
  ["successful but pending is not money yet", (f) => f.pending, "pending"],
  ["success together with errorOccurred is never paid", (f) => f.errorOccurred, "errored"],
  ["a payment re-notified as voided", (f) => f.isVoided, "void"],
  ["a payment re-notified as refunded (refundedMinor = its amount)", (f) => f.isRefunded, "refund_full"],
  ["an authorisation holds the money, it does not take it", (f) => f.isAuth && !f.hasParentTransaction, "authorised"],
  ["a sale, or the capture of an authorisation, is paid", () => true, "paid"],
];

function meaningOf(f: Flags): { rule: string; meaning: Meaning } {
  const [rule, , meaning] = RULES.find(([, applies]) => applies(f))!;
  return { rule, meaning };
}

/** The same transaction when its amount or currency is not the order's. */
function withAmounts(f: Flags, meaning: Meaning, amountMatches: boolean, currencyMatches: boolean): Meaning {
  const matches = amountMatches && currencyMatches;
  if (meaning === "paid") return matches ? "paid" : "mismatch";
  if (meaning === "authorised") return matches ? "authorised" : "authorised_mismatch";
  if (reversalChild(f) && (meaning === "void" || meaning === "refund_full")) {
    if (!currencyMatches) return "ignored"; // cannot be a reversal of this payment
    if (!amountMatches) return "refund_partial"; // smaller than what was captured: a partial refund, never a void
  }
  return meaning;
}

const R = "needs_review";

/**
 * From these states the order and its owning attempt end up in the same status, so both tables below share
 * the rows (the type admits only statuses an order and an attempt both have).
 */
const SHARED_OUTCOME: Record<
  Exclude<OrderStatus, "awaiting_payment" | "payment_failed">,
  Record<Meaning, Extract<OrderStatus, AttemptStatus>>
> = {
  authorised: { paid: "paid", authorised: "authorised", authorised_mismatch: R, mismatch: R, errored: R, declined: "authorised", pending: "authorised", void: "voided", refund_full: "refunded", refund_partial: "partially_refunded", ignored: "authorised" },
  paid: { paid: "paid", authorised: "paid", authorised_mismatch: R, mismatch: R, errored: R, declined: "paid", pending: "paid", void: "voided", refund_full: "refunded", refund_partial: "partially_refunded", ignored: "paid" },
  needs_review: { paid: R, authorised: R, authorised_mismatch: R, mismatch: R, errored: R, declined: R, pending: R, void: "voided", refund_full: "refunded", refund_partial: "partially_refunded", ignored: R },
  partially_refunded: { paid: "partially_refunded", authorised: "partially_refunded", authorised_mismatch: "partially_refunded", mismatch: "partially_refunded", errored: "partially_refunded", declined: "partially_refunded", pending: "partially_refunded", void: "partially_refunded", refund_full: "refunded", refund_partial: "partially_refunded", ignored: "partially_refunded" },
  refunded: { paid: "refunded", authorised: "refunded", authorised_mismatch: "refunded", mismatch: "refunded", errored: "refunded", declined: "refunded", pending: "refunded", void: "refunded", refund_full: "refunded", refund_partial: "refunded", ignored: "refunded" },
  voided: { paid: "voided", authorised: "voided", authorised_mismatch: "voided", mismatch: "voided", errored: "voided", declined: "voided", pending: "voided", void: "voided", refund_full: "voided", refund_partial: "voided", ignored: "voided" },
}; // prettier-ignore

/** Where an order ends up, from each starting state, when the transaction's attempt owns it. */
const ORDER_OUTCOME: Record<OrderStatus, Record<Meaning, OrderStatus>> = {
  awaiting_payment: { paid: "paid", authorised: "authorised", authorised_mismatch: R, mismatch: R, errored: R, declined: "payment_failed", pending: "awaiting_payment", void: "voided", refund_full: "refunded", refund_partial: "partially_refunded", ignored: "awaiting_payment" },
  payment_failed: { paid: "paid", authorised: "authorised", authorised_mismatch: R, mismatch: R, errored: R, declined: "payment_failed", pending: "payment_failed", void: "voided", refund_full: "refunded", refund_partial: "partially_refunded", ignored: "payment_failed" },
  ...SHARED_OUTCOME,
}; // prettier-ignore

/** The owning attempt's status that goes with each starting order status. */
const OWNING_ATTEMPT: Record<OrderStatus, AttemptStatus> = {
  awaiting_payment: "intended",
  payment_failed: "declined",
  authorised: "authorised",
  paid: "paid",
  needs_review: "needs_review",
  partially_refunded: "partially_refunded",
  refunded: "refunded",
  voided: "voided",
};

/** Where that attempt ends up. */
const ATTEMPT_OUTCOME: Record<OrderStatus, Record<Meaning, AttemptStatus>> = {
  awaiting_payment: { paid: "paid", authorised: "authorised", authorised_mismatch: R, mismatch: R, errored: R, declined: "declined", pending: "pending", void: "voided", refund_full: "refunded", refund_partial: "partially_refunded", ignored: "intended" },
  payment_failed: { paid: "paid", authorised: "authorised", authorised_mismatch: R, mismatch: R, errored: R, declined: "declined", pending: "declined", void: "voided", refund_full: "refunded", refund_partial: "partially_refunded", ignored: "declined" },
  ...SHARED_OUTCOME,
}; // prettier-ignore

/** A second charge (another transaction already holds or took the order's money) always goes to review. */
const SECOND_CHARGE: ReadonlySet<Meaning> = new Set(["paid", "authorised", "mismatch", "authorised_mismatch"]);
const SECOND_CHARGE_ORDER: Record<OrderStatus, OrderStatus> = {
  awaiting_payment: R,
  payment_failed: R,
  authorised: R,
  paid: R, // the customer was charged twice: never dropped as stale
  needs_review: R,
  partially_refunded: "partially_refunded", // the order's state stays; the attempt is flagged and the admin refunds it
  refunded: "refunded",
  voided: "voided",
};

function meaningOfFact(fact: TransactionFact): Meaning {
  if (fact.kind === "refund") return fact.full ? "refund_full" : "refund_partial";
  if (fact.kind === "authorised") return fact.mismatch ? "authorised_mismatch" : "authorised";
  return fact.kind;
}

const ROWS: Flags[] = Array.from(
  { length: 2 ** FLAGS.length },
  (_, n) => Object.fromEntries(FLAGS.map((flag, bit) => [flag, Boolean(n & (1 << bit))])) as Flags,
);
const label = (f: Flags) => FLAGS.filter((flag) => f[flag]).join("+") || "all false";

function transaction(f: Flags, amountMatches: boolean, currencyMatches: boolean): TransactionFlags {
  const amount = amountMatches ? EXPECTED.amountMinor : 7_000;
  return { ...f, amountMinor: amount, currency: currencyMatches ? EXPECTED.currency : "USD", refundedMinor: amount };
}

describe("every combination of the eight transaction flags", () => {
  it("has 256 rows, all different", () => {
    expect(ROWS).toHaveLength(256);
    expect(new Set(ROWS.map(label)).size).toBe(256);
  });

  it.each(ROWS.map((f) => ({ flags: label(f), f, ...meaningOf(f) })))("$flags → $meaning ($rule)", ({ f, meaning }) => {
    for (const [amountMatches, currencyMatches] of [
      [true, true],
      [false, true],
      [true, false],
      [false, false],
    ] as const) {
      const expected = withAmounts(f, meaning, amountMatches, currencyMatches);
      const fact = classifyTransaction(transaction(f, amountMatches, currencyMatches), EXPECTED);
      expect({ amountMatches, currencyMatches, meaning: meaningOfFact(fact) }).toEqual({
        amountMatches,
        currencyMatches,
        meaning: expected,
      });

      for (const order of ORDER_STATUSES) {
        const attempt = OWNING_ATTEMPT[order];
        const next = applyFact({ order, attempt, fact, attemptOwnsOrder: true });
        expect({ from: [order, attempt], to: [next.order, next.attempt] }).toEqual({
          from: [order, attempt],
          to: [ORDER_OUTCOME[order][expected], ATTEMPT_OUTCOME[order][expected]],
        });
        // Nothing but a sale or a capture of exactly the order's amount and currency ever makes it paid.
        if (next.order === "paid" && order !== "paid") expect(expected).toBe("paid");

        if (SECOND_CHARGE.has(expected)) {
          const second = applyFact({ order, attempt, fact, attemptOwnsOrder: true, otherPayment: true });
          expect({ from: order, second: [second.order, second.reason] }).toEqual({
            from: order,
            second: [SECOND_CHARGE_ORDER[order], "double_payment"],
          });
        }
      }
    }
  });
});
