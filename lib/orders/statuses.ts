import type { OrderStatus } from "@/db/schema/orders";
import type { AttemptStatus } from "@/db/schema/payments";

// Groups of states that several parts of the app ask about. Spelled once here, so "unpaid" or "failed" cannot
// mean one thing to the state machine and another to the return page.

/** No money has arrived for the order: the only states "Try again" reopens and a settling fact moves from. */
export const UNPAID_ORDER_STATUSES: ReadonlySet<OrderStatus> = new Set(["awaiting_payment", "payment_failed"]);

/** Money arrived (or is held on the card): the customer must not be asked to buy the same things again. */
export const MONEY_ARRIVED_ORDER_STATUSES: ReadonlySet<OrderStatus> = new Set(["authorised", "paid", "needs_review"]);

/** The attempt still waits on Paymob: the return page polls, and asks the inquiry API when the callback is late. */
export const IN_PROGRESS_ATTEMPT_STATUSES: ReadonlySet<AttemptStatus> = new Set(["creating", "intended", "pending"]);

/** The attempt is finished and failed; only then does "Try again" start another one. */
export const FAILED_ATTEMPT_STATUSES: ReadonlySet<AttemptStatus> = new Set(["declined", "creation_failed", "voided"]);
