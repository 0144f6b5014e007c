import "server-only";
import { and, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema/rate-limits";

// Every statement on `rate_limits`. The rules (windows, keys, verdicts, the log line) are in ./limiter.

/**
 * Counts one hit on `key` for the window [start, end) and returns the count after it; undefined when the window was
 * already over `limit`, in which case nothing was written. One atomic statement: Postgres serialises concurrent
 * upserts of one key on its row, so N parallel hits never let more than `limit` through, and a flood writes no
 * more than the one counter row.
 */
export async function countHit(
  db: Db,
  hit: { key: string; start: Date; end: Date; limit: number },
): Promise<number | undefined> {
  // A hit from a newer window restarts the count; one from an older window (an instance whose clock lags)
  // counts towards the newer one rather than rewinding it.
  const newer = sql`excluded.window_start > ${rateLimits.windowStart}`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key: hit.key, windowStart: hit.start, count: 1, expiresAt: hit.end })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${newer} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`greatest(${rateLimits.windowStart}, excluded.window_start)`,
        expiresAt: sql`greatest(${rateLimits.expiresAt}, excluded.expires_at)`,
      },
      setWhere: sql`${newer} or ${rateLimits.count} <= ${hit.limit}::int`,
    })
    .returning({ count: rateLimits.count });
  return row?.count;
}

/** Deletes up to `batch` counters whose window ended before `now`. */
export async function pruneExpired(db: Db, now: Date, batch: number): Promise<void> {
  const expired = lt(rateLimits.expiresAt, now);
  // The outer condition is checked again on a row another request has just moved to a new window (Postgres
  // re-reads a concurrently updated row before deleting it), so a live counter is never deleted.
  const someExpired = db.select({ key: rateLimits.key }).from(rateLimits).where(expired).limit(batch);
  await db.delete(rateLimits).where(and(inArray(rateLimits.key, someExpired), expired));
}
