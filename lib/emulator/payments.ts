import "server-only";
import type { Db, Tx } from "@/db/client";
import { emuTransactions, type EmuIntention, type EmuScenario } from "./db/schema";
import { cardBehaviour, cardNumMask, TEST_WALLET } from "./cards";
import type { StoredPaymentMethod } from "./intention-shapes";
import { finish, type PaymentResult } from "./payment-finish";
import { AWAITING, DECLINED, outcomeOf } from "./payment-outcomes";
import { lockIntention } from "./repo";
import { savedCardCharge, type SavedCardMethod } from "./saved-card-payment";
import { regionOfClientSecret } from "./settings";
import { paymobTimestamp } from "./time";
import { hex32 } from "./tokens";

// The payment engine behind the hosted checkout, the Pay API and the Pixel frame: start a payment (card, wallet,
// saved card) in one DB transaction; it either finishes at once (payment-finish.ts) or waits on the bank's or
// wallet's page (payment-challenge.ts).

export type PaymentMethodInput =
  { type: "card"; digits: string; saveCard: boolean } | { type: "wallet"; number: string } | SavedCardMethod;

function integrationFor(intention: EmuIntention, name: "card" | "wallet"): StoredPaymentMethod | undefined {
  return (intention.paymentMethods as StoredPaymentMethod[]).find((m) => m.name === name);
}

export async function startPayment(
  db: Db,
  base: string,
  intentionId: string,
  method: PaymentMethodInput,
  apiSource: "IFRAME" | "PIXEL" | "OTHER",
): Promise<PaymentResult> {
  return db.transaction(async (tx) => {
    const intention = await lockIntention(tx, intentionId);
    if (!intention) return { kind: "refused", reason: "not_found" } as const;
    if (intention.status === "paid") return { kind: "refused", reason: "already_paid" } as const;
    if (intention.expiresAt.getTime() < Date.now()) return { kind: "refused", reason: "expired" } as const;
    if (method.type === "token") return payWithSavedCard(tx, base, intention, method, apiSource);
    const integration = integrationFor(intention, method.type);
    if (!integration) return { kind: "refused", reason: "method_unavailable" } as const;

    const card = method.type === "card" ? cardBehaviour(method.digits) : null;
    const challenge = card
      ? card.behaviour.outcome === "approved" && card.behaviour.threeDs
      : method.type === "wallet" && method.number === TEST_WALLET.number;
    const outcome = challenge ? AWAITING : card ? outcomeOf(card.behaviour) : DECLINED;
    return recordPayment(
      tx,
      base,
      intention,
      {
        integrationId: integration.integration_id,
        ...outcome,
        ...(method.type === "wallet" && !challenge
          ? { message: "Wallet is not registered", txnResponseCode: "ERROR", acqResponseCode: "" }
          : {}),
        is3dSecure: card !== null && challenge,
        isAuth: card?.behaviour.outcome === "approved" && card.behaviour.authOnly === true,
        sourceType: method.type,
        sourcePan: method.type === "card" ? method.digits.slice(-4) : method.number,
        sourceSubType: card ? card.brand : "wallet",
        cardNum: method.type === "card" ? cardNumMask(method.digits) : null,
        apiSource,
        saveCard: method.type === "card" && method.saveCard,
      },
      challenge,
      card?.behaviour.outcome === "approved" ? card.behaviour.scenario : undefined,
    );
  });
}

/** A saved card (saved-card-payment.ts): the card's remembered behaviour, its token's masked number. */
async function payWithSavedCard(
  tx: Tx,
  base: string,
  intention: EmuIntention,
  method: SavedCardMethod,
  apiSource: "IFRAME" | "PIXEL" | "OTHER",
): Promise<PaymentResult> {
  const checked = await savedCardCharge(tx, intention, method);
  if (!checked.ok) return { kind: "refused", reason: checked.reason } as const;
  const { card, integration, behaviour, cardNum } = checked.charge;
  const challenge = behaviour.outcome === "approved" && behaviour.threeDs;
  return recordPayment(
    tx,
    base,
    intention,
    {
      integrationId: integration.integration_id,
      ...(challenge ? AWAITING : outcomeOf(behaviour)),
      is3dSecure: challenge,
      isAuth: behaviour.outcome === "approved" && behaviour.authOnly === true,
      sourceType: "card",
      sourcePan: card.maskedPan.slice(-4),
      sourceSubType: card.cardSubtype,
      cardNum,
      apiSource,
    },
    challenge,
    behaviour.outcome === "approved" ? behaviour.scenario : undefined,
  );
}

type PaymentFields = Omit<
  typeof emuTransactions.$inferInsert,
  | "intentionId"
  | "orderId"
  | "kind"
  | "amountCents"
  | "currency"
  | "acsToken"
  | "awaitingChallenge"
  | "createdText"
  | "updatedText"
>;

/**
 * The payment's transaction row for the whole intention amount, then either the bank's challenge page (3-D
 * Secure, wallet PIN) or the finished payment's callbacks and redirect.
 */
async function recordPayment(
  tx: Tx,
  base: string,
  intention: EmuIntention,
  fields: PaymentFields,
  challenge: boolean,
  scenario: EmuScenario | undefined,
): Promise<PaymentResult> {
  const now = paymobTimestamp(regionOfClientSecret(intention.clientSecret));
  const [transaction] = await tx
    .insert(emuTransactions)
    .values({
      ...fields,
      intentionId: intention.id,
      orderId: intention.orderId,
      kind: "payment",
      amountCents: intention.amountCents,
      currency: intention.currency,
      acsToken: challenge ? hex32() : null,
      awaitingChallenge: challenge,
      createdText: now,
      updatedText: now,
    })
    .returning();
  if (!transaction) throw new Error("emulator: transaction insert returned nothing");
  if (challenge)
    return {
      kind: "challenge",
      transaction,
      challengeUrl: `${base}/acs/${transaction.id}/?token=${transaction.acsToken}`,
    };
  return finish(tx, base, intention, transaction, scenario);
}
