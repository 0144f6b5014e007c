import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { logger } from "@/lib/logger";
import { emuDeliveries, type EmuDelivery } from "./db/schema";
import { refuseForeignTarget } from "./refused-delivery";
import { deliveryClock } from "./time";

// The callback pump. Deliveries wait in their table; any emulator request pumps the due ones, so delayed
// callbacks go out on serverless hosts without timers. Rows are claimed with a lease (FOR UPDATE SKIP LOCKED),
// so concurrent pumps never send the same row twice; failures retry with backoff a bounded number of times.

/** Seconds to wait before retry n (1-based). Paymob's own schedule is unpublished. */
const BACKOFF_SECONDS = [2, 5, 15, 60, 300];
const LEASE_MS = 30_000;
const SEND_TIMEOUT_MS = 10_000;

/** How long a post-payment pump keeps waiting for callbacks that fall due shortly (duplicates, short delays). */
export const AFTER_PAYMENT_PUMP_MS = 20_000;

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Held back until its predecessor is settled (out-of-order scenario, token after transaction). */
const predecessorSettled = sql`(${emuDeliveries.afterId} is null or exists (select 1 from ${emuDeliveries} p where p.id = ${emuDeliveries.afterId} and (p.delivered_at is not null or p.gave_up or p.suppressed)))`;

/** Still to go out: not delivered, given up or suppressed, and not held behind its predecessor. */
const waiting = and(
  isNull(emuDeliveries.deliveredAt),
  eq(emuDeliveries.gaveUp, false),
  eq(emuDeliveries.suppressed, false),
  predecessorSettled,
);

async function claimDue(db: Db, limit: number): Promise<EmuDelivery[]> {
  const now = deliveryClock().now();
  const due = db
    .select({ id: emuDeliveries.id })
    .from(emuDeliveries)
    .where(
      and(
        waiting,
        lte(emuDeliveries.dueAt, now),
        or(isNull(emuDeliveries.leaseUntil), lte(emuDeliveries.leaseUntil, now)),
      ),
    )
    .orderBy(asc(emuDeliveries.dueAt), asc(emuDeliveries.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(emuDeliveries)
    .set({
      leaseUntil: new Date(now.getTime() + LEASE_MS),
      attempts: sql`${emuDeliveries.attempts} + 1`,
      lastAttemptAt: now,
    })
    .where(inArray(emuDeliveries.id, due))
    .returning();
}

async function send(db: Db, delivery: EmuDelivery, fetchImpl: FetchLike): Promise<boolean> {
  if (await refuseForeignTarget(db, delivery)) return false; // a public emulator posts only to the app itself
  let status: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetchImpl(delivery.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Paymob-Emulator/1.0" },
      body: delivery.body,
      redirect: "manual",
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    status = response.status;
    await response.arrayBuffer().catch(() => undefined);
    if (status < 200 || status > 299) error = `HTTP ${status}`;
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  const delivered = error === null;
  const now = deliveryClock().now();
  const exhausted = !delivered && delivery.attempts >= delivery.maxAttempts;
  const retryIn = BACKOFF_SECONDS[Math.min(delivery.attempts, BACKOFF_SECONDS.length) - 1] ?? 300;
  await db
    .update(emuDeliveries)
    .set({
      lastStatus: status,
      lastError: error,
      leaseUntil: null,
      deliveredAt: delivered ? now : null,
      gaveUp: exhausted,
      ...(delivered || exhausted ? {} : { dueAt: new Date(now.getTime() + retryIn * 1000) }),
    })
    .where(eq(emuDeliveries.id, delivery.id));
  if (!delivered) {
    const facts = {
      scope: "paymob-emulator",
      deliveryId: delivery.id,
      label: delivery.label,
      path: new URL(delivery.url).pathname,
      reason: error,
    };
    logger.warn(
      exhausted ? facts : { ...facts, retryInSeconds: retryIn },
      exhausted ? "callback failed, giving up" : "callback failed, will retry",
    );
  }
  return delivered;
}

/** Sends every due delivery (each batch concurrently), round after round while there are more. Returns how many went out. */
export async function pumpDeliveries(
  db: Db,
  options: { fetchImpl?: FetchLike; batch?: number; maxRounds?: number } = {},
): Promise<number> {
  const { fetchImpl = fetch, batch = 10, maxRounds = 10 } = options;
  let sent = 0;
  for (let round = 0; round < maxRounds; round++) {
    const claimed = await claimDue(db, batch);
    if (claimed.length === 0) break;
    const results = await Promise.all(claimed.map((d) => send(db, d, fetchImpl)));
    sent += results.filter(Boolean).length;
  }
  return sent;
}

/**
 * When the pump could next claim something (null if nothing is waiting): a row's due time, or the end of the
 * lease another pump holds on it. Rows held behind an unsettled predecessor are left out: they become
 * claimable only once that predecessor, itself in this set, has gone out.
 */
export async function nextDueAt(db: Db): Promise<Date | null> {
  const claimableAt = sql<Date>`greatest(${emuDeliveries.dueAt}, coalesce(${emuDeliveries.leaseUntil}, ${emuDeliveries.dueAt}))`;
  const [row] = await db
    .select({ at: claimableAt.mapWith(emuDeliveries.dueAt) })
    .from(emuDeliveries)
    .where(waiting)
    .orderBy(claimableAt)
    .limit(1);
  return row?.at ?? null;
}

/** Floor between two pumps while something is due but was not claimed yet (another pump got there first). */
const MIN_PUMP_GAP_MS = 50;

/**
 * Pumps now, then keeps pumping whatever falls due within `horizonMs` (duplicates 2 s later, short delays,
 * quick retries), so a long-lived server or a waitUntil window delivers them without another request.
 * Bounded by the horizon, and by count: a pump at most every MIN_PUMP_GAP_MS.
 */
export async function pumpFor(db: Db, horizonMs: number, options: { fetchImpl?: FetchLike } = {}): Promise<number> {
  const clock = deliveryClock();
  const deadline = clock.now().getTime() + horizonMs;
  let sent = await pumpDeliveries(db, options);
  for (let i = 0; i < Math.ceil(horizonMs / MIN_PUMP_GAP_MS); i++) {
    const next = await nextDueAt(db);
    const now = clock.now().getTime();
    if (!next || next.getTime() > deadline || now >= deadline) break;
    await clock.sleep(Math.min(Math.max(MIN_PUMP_GAP_MS, next.getTime() - now), deadline - now));
    sent += await pumpDeliveries(db, options);
  }
  return sent;
}
