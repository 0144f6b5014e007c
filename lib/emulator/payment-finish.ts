import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { logger } from "@/lib/logger";
import { emuCardTokens, emuIntentions, type EmuIntention, type EmuScenario, type EmuTransaction } from "./db/schema";
import { tokenMaskedPan } from "./cards";
import type { SavedCardRefusal } from "./saved-card-payment";
import { enqueueTokenCallback, enqueueTransactionCallback } from "./callbacks";
import { urlRefusal } from "./exposure";
import { paymentKeyFor } from "./intention-shapes";
import { redirectLocation } from "./redirect-query";
import { defaultDelaySeconds, regionOfClientSecret } from "./settings";
import { paymobTimestamp } from "./time";
import { hex32 } from "./tokens";
import { buildTransactionObject, type TransactionObject } from "./transaction-object";

// The end of a payment, whichever way it got there (straight away, or after the bank's or wallet's page): the
// intention marked paid, the signed callbacks queued (and a TOKEN when the card is kept), the signed redirect.

export type PaymentResult =
  | { kind: "finished"; transaction: EmuTransaction; obj: TransactionObject; redirectUrl: string }
  | { kind: "challenge"; transaction: EmuTransaction; challengeUrl: string }
  | { kind: "refused"; reason: "already_paid" | "expired" | "not_found" | SavedCardRefusal };

/**
 * Where the browser goes after a finished payment: the merchant's redirection_url, or Paymob's status page.
 * A public emulator checks the URL again here (it was checked at creation; APP_URL may have changed since).
 */
export function redirectTarget(base: string, intention: EmuIntention, transaction: EmuTransaction): string {
  if (intention.redirectionUrl) {
    const refusal = urlRefusal(intention.redirectionUrl, "redirection_url");
    if (!refusal) return intention.redirectionUrl;
    logger.warn(
      { scope: "paymob-emulator", intentionId: intention.id, orderId: intention.orderId, reason: refusal },
      "redirection_url refused: showing the status page instead",
    );
  }
  const url = new URL(`${base}/unifiedcheckout/payment-status`);
  url.searchParams.set("payment_token", paymentKeyFor(intention, transaction.integrationId));
  url.searchParams.set("trx_id", String(transaction.id));
  return url.toString();
}

export async function finish(
  tx: Tx,
  base: string,
  intention: EmuIntention,
  transaction: EmuTransaction,
  cardScenario?: EmuScenario,
): Promise<PaymentResult> {
  let current = intention;
  if (transaction.success && !transaction.pending) {
    [current = intention] = await tx
      .update(emuIntentions)
      .set({ status: "paid" })
      .where(eq(emuIntentions.id, intention.id))
      .returning();
  }
  // A scenario card wins over the intention's scenario: it is the more specific choice, made at payment time.
  const scenario = cardScenario ?? current.scenario;
  const delaySeconds = current.scenarioDelaySeconds ?? defaultDelaySeconds();
  const lastId = await enqueueTransactionCallback(tx, { intention: current, transaction, scenario, delaySeconds });
  if (transaction.saveCard && transaction.success && transaction.sourceType === "card") {
    const billing = current.billingData as { email?: string };
    const [token] = await tx
      .insert(emuCardTokens)
      .values({
        token: hex32() + hex32().slice(0, 14),
        maskedPan: tokenMaskedPan(transaction.sourcePan),
        cardSubtype: transaction.sourceSubType,
        email: billing.email ?? "",
        orderId: current.orderId,
        intentionId: current.id,
        createdText: paymobTimestamp(regionOfClientSecret(current.clientSecret)),
      })
      .returning();
    if (token) await enqueueTokenCallback(tx, current, token, scenario, lastId);
  }
  const obj = buildTransactionObject(current, transaction);
  return {
    kind: "finished",
    transaction,
    obj,
    redirectUrl: redirectLocation(redirectTarget(base, current, transaction), obj),
  };
}
