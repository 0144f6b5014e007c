import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import { logger } from "@/lib/logger";
import { countHit, pruneExpired } from "./queries";

// Rate limits that hold across server instances: the counters live in the database (rate_limits), because on
// serverless every request may land on a fresh instance and an in-memory map would start from zero each time.
// Fixed windows: at most `limit` hits per `windowSeconds`, aligned to the epoch. The price of the simplicity is
// that a burst straddling a window boundary can get up to 2 × limit through; every limit here is sized so that
// even 2 × limit is harmless.

export type RateLimitRule = {
  /** Prefix of the counter's key; also what the log names. */
  readonly name: string;
  readonly limit: number;
  readonly windowSeconds: number;
  /** What is being limited, for the log line: "sign-in links per email address". */
  readonly what: string;
};

export type RateLimitVerdict =
  | { ok: true; count: number }
  /** `rule`: the limit that was reached; `retryAfterSeconds`: until its window ends (at least 1). */
  | { ok: false; rule: RateLimitRule; retryAfterSeconds: number };

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** Expired counters deleted per new window, at most: enough to keep up, small enough to never be slow. */
const PRUNE_BATCH = 100;
/** Longer subjects (nothing legitimate is) are hashed, so a key never grows with attacker input. */
const MAX_SUBJECT = 200;

export function windowOf(rule: RateLimitRule, now: Date): { start: Date; end: Date } {
  const ms = rule.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / ms) * ms;
  return { start: new Date(start), end: new Date(start + ms) };
}

export function rateLimitKey(rule: RateLimitRule, subject: string): string {
  const safe = subject.length > MAX_SUBJECT ? `sha256:${createHash("sha256").update(subject).digest("hex")}` : subject;
  return `${rule.name}:${safe}`;
}

/**
 * Counts one hit for `subject` under `rule` and says whether it is allowed. The count is one atomic statement
 * (./queries), so concurrent hits never let more than `limit` through, and once a window is full further hits
 * change nothing. The first refusal of a window is logged; the rest are silent.
 */
export async function hitRateLimit(
  db: Db,
  rule: RateLimitRule,
  subject: string,
  clock: Clock = systemClock,
): Promise<RateLimitVerdict> {
  const now = clock();
  const { start, end } = windowOf(rule, now);
  const key = rateLimitKey(rule, subject);
  const count = await countHit(db, { key, start, end, limit: rule.limit });

  // The first hit of a window (count 1) pays for a little housekeeping, so the table keeps only live counters.
  if (count === 1) await pruneExpired(db, now, PRUNE_BATCH);
  if (count !== undefined && count <= rule.limit) return { ok: true, count };

  const retryAfterSeconds = Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 1000));
  if (count !== undefined) {
    logger.warn(
      { scope: "rate-limit", rule: rule.what, key },
      `refused ${rule.what}: ${key} reached ${rule.limit} per ${describeWindow(rule.windowSeconds)}; ` +
        `refusing until ${end.toISOString()} (further refusals in this window are not logged)`,
    );
  }
  return { ok: false, rule, retryAfterSeconds };
}

/** Hits each rule in turn and stops at the first refusal, so a refused request does not use up the others. */
export async function hitRateLimits(
  db: Db,
  hits: readonly (readonly [RateLimitRule, string])[],
  clock: Clock = systemClock,
): Promise<RateLimitVerdict> {
  let last: RateLimitVerdict = { ok: true, count: 0 };
  for (const [rule, subject] of hits) {
    last = await hitRateLimit(db, rule, subject, clock);
    if (!last.ok) return last;
  }
  return last;
}

/** "in 12 minutes", "in a minute", "in 40 seconds": for the messages people read when they are limited. */
export function retryAfterText(seconds: number): string {
  if (seconds <= 1) return "in a second";
  if (seconds < 60) return `in ${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "in a minute" : `in ${minutes} minutes`;
}

function describeWindow(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? "hour" : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? "minute" : `${seconds / 60} minutes`;
  return `${seconds} s`;
}
