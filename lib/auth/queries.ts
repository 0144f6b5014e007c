import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { orders, sessions, verificationTokens } from "@/db/schema";
import { normalizeEmail } from "./verified-email";

// The app's own reads and writes of the Auth.js tables (users and accounts are left to the Drizzle adapter,
// auth.ts), and the one write sign-in makes to orders.

// --- Live sessions ---------------------------------------------------------------------------------------------
// The sessions that are still open, one row each in Auth.js's `session` table (sessionToken = the session id the
// signed JWT carries). Sessions stay JWTs (see auth.config.ts for why); this list is what makes them revocable:
// sign-out deletes the row, and a JWT whose row is gone is refused, however valid its signature.

/** A session lasts at most this long from sign-in, however active (Auth.js's JWT maxAge matches). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export async function openSession(db: Db, userId: string, now: Date = new Date()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db
    .insert(sessions)
    .values({ sessionToken: id, userId, expires: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) });
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

// --- Sign-in link tokens ---------------------------------------------------------------------------------------

type VerificationToken = typeof verificationTokens.$inferSelect;

/**
 * Stores a new sign-in token and deletes every older one for the same address, so only the newest link works
 * (Auth.js alone keeps them all valid until they expire). The transaction-scoped advisory lock on the address
 * serialises two requests made at once: without it both could delete nothing and both insert.
 */
export async function replaceVerificationToken(db: Db, token: VerificationToken): Promise<VerificationToken> {
  return db.transaction(async (tx) => {
    // SQL text because the query builder has no form for a bare function call: the lock is a statement of its own.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`verificationToken:${token.identifier}`}))`);
    await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, token.identifier));
    const [row] = await tx.insert(verificationTokens).values(token).returning();
    return row!;
  });
}

// --- Guest orders ----------------------------------------------------------------------------------------------

/**
 * Gives a signed-in user the guest orders placed with their email. The caller must pass an address the sign-in
 * PROVED (see verifiedEmailOf): anyone can type any email at checkout, so matching on an unproven address would
 * hand one customer's orders to whoever signs up with it. Orders that already belong to an account stay there.
 * Returns the references it attached, for the log line.
 */
export async function attachGuestOrders(db: Db | Tx, userId: string, verifiedEmail: string): Promise<string[]> {
  const rows = await db
    .update(orders)
    .set({ userId })
    .where(and(sql`lower(${orders.email}) = ${normalizeEmail(verifiedEmail)}`, isNull(orders.userId)))
    .returning({ reference: orders.reference });
  return rows.map((r) => r.reference);
}
