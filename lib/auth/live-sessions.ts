import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions } from "@/db/schema";

// The sessions that are still open, one row each in Auth.js's `session` table (sessionToken = the session id the
// signed JWT carries). Sessions stay JWTs (see auth.config.ts for why); this list is what makes them revocable:
// sign-out deletes the row, and a JWT whose row is gone is refused, however valid its signature.

/** A session lasts at most this long from sign-in, however active (Auth.js's JWT maxAge matches). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export async function openSession(db: Db, userId: string, now: Date = new Date()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.insert(sessions).values({ sessionToken: id, userId, expires: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) });
  // This user's expired rows are useless; tidy them here rather than with a scheduled job.
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expires, now)));
  return id;
}

export async function isSessionOpen(db: Db, id: string, now: Date = new Date()): Promise<boolean> {
  const rows = await db
    .select({ id: sessions.sessionToken })
    .from(sessions)
    .where(and(eq(sessions.sessionToken, id), gt(sessions.expires, now)))
    .limit(1);
  return rows.length > 0;
}

export async function closeSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.sessionToken, id));
}
