import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emuTransactions } from "./db/schema";
import { THREE_DS_OTP, TEST_WALLET } from "./cards";
import { finish, redirectTarget, type PaymentResult } from "./payment-finish";
import { APPROVED, DECLINED } from "./payment-outcomes";
import { redirectLocation } from "./redirect-query";
import { lockIntention, lockTransaction } from "./repo";
import { regionOfClientSecret } from "./settings";
import { paymobTimestamp } from "./time";
import { buildTransactionObject } from "./transaction-object";

// The emulated bank's 3-D Secure page and the wallet's PIN/OTP page, once submitted.

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
