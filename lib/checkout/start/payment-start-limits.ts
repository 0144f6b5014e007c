import "server-only";
import type { Db } from "@/db/client";
import { hitRateLimits, systemClock, type Clock } from "@/lib/rate-limit/limiter";
import { UNKNOWN_CLIENT } from "@/lib/rate-limit/client-address";
import { PAYMENT_STARTS_PER_CLIENT, PAYMENT_STARTS_PER_VISITOR } from "@/lib/rate-limit/rules";
import type { CheckoutError } from "../errors";
import type { Owner } from "../ownership/owner";

// Each new order asks Paymob for an intention: a script repeating checkout would fill the orders table and
// spend the merchant's Paymob API allowance. Counted per visitor and per client address (a script can drop
// its cookie, not its address); only new orders and "Try again" count, never a resubmitted form.

export type Admission = { ok: true } | { ok: false; error: CheckoutError };
/** Asked once, just before a new order or attempt would be created. */
export type AdmitPaymentStart = () => Promise<Admission>;

/** The visitor a payment start is counted against: the visitor cookie, else the account. */
export function visitorKey(owner: Owner): string {
  if (owner.guestId) return owner.guestId;
  return owner.userId ? `user:${owner.userId}` : UNKNOWN_CLIENT;
}

export async function admitPaymentStart(
  db: Db,
  who: { owner: Owner; client: string },
  clock: Clock = systemClock,
): Promise<Admission> {
  const verdict = await hitRateLimits(
    db,
    [
      [PAYMENT_STARTS_PER_CLIENT, who.client],
      [PAYMENT_STARTS_PER_VISITOR, visitorKey(who.owner)],
    ],
    clock,
  );
  if (verdict.ok) return verdict;
  return { ok: false, error: { code: "rate_limited", retryAfterSeconds: verdict.retryAfterSeconds } };
}
