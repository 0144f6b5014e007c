import "server-only";
import type { Db } from "@/db/client";
import { logger } from "@/lib/logger";
import { attachGuestOrders } from "./queries";
import { verifiedEmailOf, type SignInFacts } from "./verified-email";

/**
 * Runs once per successful sign-in (from the jwt callback, which is where Auth.js hands over the provider's
 * account and profile): establishes the verified email for the session and moves the guest orders placed with
 * that email into the account. Returns the verified email (or null) for the token.
 */
export async function completeSignIn(db: Db, facts: SignInFacts & { user: { id?: string } }): Promise<string | null> {
  const verifiedEmail = await verifiedEmailOf(facts);
  const userId = facts.user.id;
  if (!verifiedEmail || !userId) return verifiedEmail;
  try {
    const attached = await attachGuestOrders(db, userId, verifiedEmail);
    if (attached.length)
      logger.info({ scope: "auth", userId, orderReferences: attached }, "claimed guest orders by verified email");
  } catch (error) {
    // Signing in must not fail because of this; the next sign-in retries the same idempotent update.
    logger.error({ scope: "auth", userId, err: error }, "could not claim guest orders");
  }
  return verifiedEmail;
}
