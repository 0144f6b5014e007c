import type { Tx } from "@/db/client";
import {
  emuDeliveries,
  type EmuCardToken,
  type EmuIntention,
  type EmuScenario,
  type EmuTransaction,
} from "./db/schema";
import { EMULATOR_HMAC_SECRET } from "@/lib/paymob/emulator-credentials";
import { signToken, signTransaction } from "@/lib/paymob/hmac";
import { MERCHANT } from "./settings";
import { planTransactionCallback } from "./scenarios";
import { deliveryClock } from "./time";
import { buildTransactionObject, transactionCallbackBody } from "./transaction-object";

// Turns transactions into signed callback rows in the deliveries table, inside the caller's DB transaction, so a
// payment and its callbacks commit together. The pump (deliveries.ts) sends them.

/** A signature that looks right (128 hex) but is made with the wrong key. */
const WRONG_SECRET = `${EMULATOR_HMAC_SECRET}-but-wrong`;

function signedUrl(notificationUrl: string, hmac: string): string {
  const url = new URL(notificationUrl);
  url.searchParams.set("hmac", hmac);
  return url.toString();
}

/** `after`: hold these rows back until that delivery went out (keeps a child callback ahead of its parent's). */
type TxCallback = {
  intention: EmuIntention;
  transaction: EmuTransaction;
  scenario?: EmuScenario;
  delaySeconds?: number;
  label?: string;
  after?: number | null;
};

/** Queues the TRANSACTION callback(s) for a transaction; returns the id of the last row (for ordering others after it). */
export async function enqueueTransactionCallback(
  tx: Tx,
  { intention, transaction, scenario = "none", delaySeconds = 0, label, after = null }: TxCallback,
): Promise<number | null> {
  if (!intention.notificationUrl) return null; // Paymob would fall back to the integration's URL; the emulator has none.
  const now = deliveryClock().now().getTime();
  let previous: number | null = null;
  for (const planned of planTransactionCallback(scenario, delaySeconds)) {
    const obj =
      planned.variant === "stale_pending"
        ? buildTransactionObject(intention, transaction, {
            pending: true,
            success: false,
            message: "Pending",
            txnResponseCode: "PENDING",
            updatedText: transaction.createdText,
          })
        : buildTransactionObject(intention, transaction);
    const hmac = signTransaction(planned.badSignature ? WRONG_SECRET : EMULATOR_HMAC_SECRET, obj);
    const [row]: { id: number }[] = await tx
      .insert(emuDeliveries)
      .values({
        intentionId: intention.id,
        transactionId: transaction.id,
        kind: "TRANSACTION",
        label: label ? `${label} · ${planned.label}` : planned.label,
        url: signedUrl(intention.notificationUrl, hmac),
        body: transactionCallbackBody(obj),
        hmac,
        dueAt: new Date(now + planned.delaySeconds * 1000),
        afterId: planned.afterPrevious ? previous : after,
        suppressed: planned.suppressed,
      })
      .returning({ id: emuDeliveries.id });
    previous = row?.id ?? previous;
  }
  return previous;
}

/**
 * The saved-card TOKEN callback (docs/paymob.md § "Callbacks"): a separate POST to the same notification_url;
 * order_id is a string. The order_card_tokens API answers the same object (api/card-tokens.ts).
 */
export function tokenObject(token: EmuCardToken, intention: EmuIntention) {
  return {
    id: token.id,
    token: token.token,
    masked_pan: token.maskedPan,
    merchant_id: MERCHANT.id,
    card_subtype: token.cardSubtype,
    created_at: token.createdText,
    email: token.email,
    order_id: String(token.orderId),
    user_added: false,
    next_payment_intention: intention.id,
  };
}

export async function enqueueTokenCallback(
  tx: Tx,
  intention: EmuIntention,
  token: EmuCardToken,
  scenario: EmuScenario,
  afterId: number | null,
): Promise<void> {
  if (!intention.notificationUrl) return;
  const obj = tokenObject(token, intention);
  const hmac = signToken(scenario === "bad_signature" ? WRONG_SECRET : EMULATOR_HMAC_SECRET, obj);
  await tx.insert(emuDeliveries).values({
    intentionId: intention.id,
    transactionId: null,
    kind: "TOKEN",
    label: scenario === "missing" ? "card token (withheld)" : "card token",
    url: signedUrl(intention.notificationUrl, hmac),
    body: JSON.stringify({ type: "TOKEN", obj }),
    hmac,
    dueAt: deliveryClock().now(),
    afterId,
    suppressed: scenario === "missing",
  });
}
