import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { logger } from "@/lib/logger";
import { emuDeliveries, type EmuDelivery } from "./db/schema";
import { urlRefusal } from "./exposure";

/**
 * Checked again as each callback goes out, not only when the intention was created: rows written before APP_URL
 * changed, or replays of them, must not reach other hosts from a public emulator either. Such a row is given
 * up at once with the reason in the log, since no retry can make it allowed. (Redirects the target answers
 * with are never followed: the pump sends with redirect "manual".)
 */
export async function refuseForeignTarget(db: Db, delivery: EmuDelivery): Promise<boolean> {
  const refusal = urlRefusal(delivery.url, "notification_url");
  if (!refusal) return false;
  await db
    .update(emuDeliveries)
    .set({ lastStatus: null, lastError: `not sent: ${refusal}`, leaseUntil: null, gaveUp: true })
    .where(eq(emuDeliveries.id, delivery.id));
  logger.warn(
    { scope: "paymob-emulator", deliveryId: delivery.id, label: delivery.label, reason: refusal },
    "callback not sent",
  );
  return true;
}
