import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { logger } from "@/lib/logger";
import {
  emuCardTokens,
  emuIntentions,
  emuTransactions,
  type EmuIntention,
  type EmuScenario,
  type EmuTransaction,
} from "./db/schema";
import { cardBehaviour, cardNumMask, THREE_DS_OTP, TEST_WALLET, tokenMaskedPan, type CardBehaviour } from "./cards";
import { enqueueTokenCallback, enqueueTransactionCallback } from "./callbacks";
import { urlRefusal } from "./exposure";
import { redirectLocation } from "./redirect-query";
import { lockIntention, lockTransaction } from "./repo";
import { defaultDelaySeconds, regionOfClientSecret } from "./settings";
import { paymentKeyFor, type StoredPaymentMethod } from "./intention-shapes";
import { paymobTimestamp } from "./time";
import { hex32 } from "./tokens";
import { buildTransactionObject, type TransactionObject } from "./transaction-object";
import { savedCardCharge, type SavedCardMethod, type SavedCardRefusal } from "./saved-card-payment";

// The payment engine behind the hosted checkout and the Pixel iframe: start a payment, pass the emulated
// 3-D Secure / wallet step, finish it (transaction row, signed callbacks, redirect URL) in one DB transaction.

export type PaymentMethodInput =
  { type: "card"; digits: string; saveCard: boolean } | { type: "wallet"; number: string } | SavedCardMethod;

export type PaymentResult =
  | { kind: "finished"; transaction: EmuTransaction; obj: TransactionObject; redirectUrl: string }
  | { kind: "challenge"; transaction: EmuTransaction; challengeUrl: string }
  | { kind: "refused"; reason: "already_paid" | "expired" | "not_found" | SavedCardRefusal };

type Outcome = {
  success: boolean;
  pending: boolean;
  message: string;
  txnResponseCode: string;
  acqResponseCode: string;
};
const APPROVED: Outcome = {
  success: true,
  pending: false,
  message: "Approved",
  txnResponseCode: "APPROVED",
  acqResponseCode: "00",
};
const DECLINED: Outcome = {
  success: false,
  pending: false,
  message: "Do not honour",
  txnResponseCode: "DECLINED",
  acqResponseCode: "05",
};
const PENDING: Outcome = {
  success: false,
  pending: true,
  message: "Pending",
  txnResponseCode: "PENDING",
  acqResponseCode: "",
};
const AWAITING: Outcome = { ...PENDING, message: "Awaiting authentication" };

function integrationFor(intention: EmuIntention, name: "card" | "wallet"): StoredPaymentMethod | undefined {
  return (intention.paymentMethods as StoredPaymentMethod[]).find((m) => m.name === name);
}

function outcomeOf(behaviour: CardBehaviour): Outcome {
  if (behaviour.outcome === "approved") return APPROVED;
  return behaviour.outcome === "pending" ? PENDING : DECLINED;
}

/**
 * Where the browser goes after a finished payment: the merchant's redirection_url, or Paymob's status page.
 * A public emulator checks the URL again here (it was checked at creation; APP_URL may have changed since).
 */
function redirectTarget(base: string, intention: EmuIntention, transaction: EmuTransaction): string {
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

export type ChallengeAnswer = { otp: string; mpin?: string };

/**
 * The emulated ACS / wallet page was submitted. Wrong answers (or Cancel) decline. A repeated submit of a
 * finished challenge just repeats its redirect, without new callbacks.
 */
export async function completeChallenge(
  db: Db,
  base: string,
  transactionId: number,
  acsToken: string,
  answer: ChallengeAnswer | "cancel",
): Promise<PaymentResult> {
  return db.transaction(async (tx) => {
    const current = await lockTransaction(tx, transactionId);
    if (!current || !current.acsToken || current.acsToken !== acsToken)
      return { kind: "refused", reason: "not_found" } as const;
    const intention = await lockIntention(tx, current.intentionId);
    if (!intention) return { kind: "refused", reason: "not_found" } as const;
    if (!current.awaitingChallenge) {
      const obj = buildTransactionObject(intention, current);
      return {
        kind: "finished",
        transaction: current,
        obj,
        redirectUrl: redirectLocation(redirectTarget(base, intention, current), obj),
      } as const;
    }
    const wallet = current.sourceType === "wallet";
    const passed =
      answer !== "cancel" &&
      answer.otp === (wallet ? TEST_WALLET.otp : THREE_DS_OTP) &&
      (!wallet || answer.mpin === TEST_WALLET.mpin);
    // Another attempt may have paid the intention meanwhile: never approve twice.
    const outcome =
      intention.status === "paid"
        ? { ...DECLINED, message: "Order has already paid." }
        : passed
          ? APPROVED
          : {
              ...DECLINED,
              message:
                answer === "cancel"
                  ? "Authentication cancelled"
                  : wallet
                    ? "Wrong MPIN or OTP"
                    : "Authentication failed",
            };
    const [transaction] = await tx
      .update(emuTransactions)
      .set({
        ...outcome,
        awaitingChallenge: false,
        updatedText: paymobTimestamp(regionOfClientSecret(intention.clientSecret)),
      })
      .where(eq(emuTransactions.id, current.id))
      .returning();
    if (!transaction) throw new Error("emulator: transaction update returned nothing");
    return finish(tx, base, intention, transaction);
  });
}

async function finish(
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
