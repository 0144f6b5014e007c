import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { verificationTokens } from "@/db/schema";

type VerificationToken = typeof verificationTokens.$inferSelect;

/**
 * Stores a new sign-in token and deletes every older one for the same address, so only the newest link works
 * (Auth.js alone keeps them all valid until they expire). The transaction-scoped advisory lock on the address
 * serialises two requests made at once: without it both could delete nothing and both insert.
 */
export async function replaceVerificationToken(db: Db, token: VerificationToken): Promise<VerificationToken> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`verificationToken:${token.identifier}`}))`);
    await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, token.identifier));
    const [row] = await tx.insert(verificationTokens).values(token).returning();
    return row!;
  });
}
