import "server-only";
import type { Db } from "@/db/client";
import { hitRateLimits, systemClock, type Clock, type RateLimitVerdict } from "@/lib/rate-limit/limiter";
import { UNVERIFIED_CALLBACKS_IN_TOTAL, UNVERIFIED_CALLBACKS_PER_CLIENT } from "@/lib/rate-limit/rules";

/** Where an unverified callback came from, for its rate limits; the route fills it in. */
export type CallbackSender = { client: string; clock?: Clock };

/**
 * May this unverified callback be stored? Per sender address first, then all senders together, so the events
 * table grows by at most UNVERIFIED_CALLBACKS_IN_TOTAL excerpts per window however many addresses send.
 * A verified callback never comes here: Paymob's own deliveries are never refused.
 */
export function admitUnverifiedCallback(db: Db, sender: CallbackSender): Promise<RateLimitVerdict> {
  return hitRateLimits(
    db,
    [
      [UNVERIFIED_CALLBACKS_PER_CLIENT, sender.client],
      [UNVERIFIED_CALLBACKS_IN_TOTAL, "all"],
    ],
    sender.clock ?? systemClock,
  );
}
