import { and, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { orders } from "@/db/schema";
import { normalizeEmail } from "./verified-email";

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
