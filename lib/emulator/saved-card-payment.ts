import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { TEST_CARDS, cardNumMask, type CardBehaviour } from "./cards";
import { emuCardTokens, emuTransactions, type EmuCardToken, type EmuIntention } from "./db/schema";
import type { StoredPaymentMethod } from "./intention-shapes";

// Paying with a saved card (docs/paymob.md § "Saved cards"). Two ways, as Paymob's "Pay with saved card"
// collection describes them:
// - customer-initiated (CIT): the intention listed the token in `card_tokens`, the customer picks it on the
//   hosted page or in Pixel and types only the CVV;
// - merchant-initiated (MOTO): the merchant pays with the token and a payment key of a MOTO integration, with no
//   customer and no CVV unless the integration says `use_cvc_with_moto`.
// The emulator has one merchant, so "a token of this merchant" is any token it issued.

export type SavedCardMethod = { type: "token"; token: string; cvv: string | null; moto: boolean };

export type SavedCardRefusal = "unknown_token" | "cvv_required" | "method_unavailable";

export type SavedCardCharge = {
  card: EmuCardToken;
  integration: StoredPaymentMethod;
  /** The card's test behaviour, remembered from the payment that saved it (never from a stored card number). */
  behaviour: CardBehaviour;
  cardNum: string | null;
};

const CVV = /^\d{3,4}$/;

/** Checks a saved-card payment against the intention, and what the card does. */
export async function savedCardCharge(
  tx: Tx,
  intention: EmuIntention,
  method: SavedCardMethod,
): Promise<{ ok: true; charge: SavedCardCharge } | { ok: false; reason: SavedCardRefusal }> {
  const methods = intention.paymentMethods as StoredPaymentMethod[];
  const integration = method.moto
    ? methods.find((m) => m.method_type === "moto")
    : methods.find((m) => m.name === "card");
  if (!integration) return { ok: false, reason: "method_unavailable" };
  const [card] = await tx.select().from(emuCardTokens).where(eq(emuCardTokens.token, method.token)).limit(1);
  if (!card) return { ok: false, reason: "unknown_token" };
  // A customer may only pick what the merchant offered them on this intention.
  if (!method.moto && !(intention.cardTokens as string[]).includes(card.token))
    return { ok: false, reason: "unknown_token" };
  const cvvNeeded = !method.moto || integration.use_cvc_with_moto;
  if (cvvNeeded && !CVV.test(method.cvv ?? "")) return { ok: false, reason: "cvv_required" };
  const cardNum = await savedFrom(tx, card);
  const known = TEST_CARDS.find((c) => cardNumMask(c.number) === cardNum);
  const behaviour: CardBehaviour = known?.behaviour ?? { outcome: "declined" };
  // A merchant-initiated charge has no cardholder to authenticate: never a 3-D Secure step.
  const charged = method.moto && behaviour.outcome === "approved" ? { ...behaviour, threeDs: false } : behaviour;
  return { ok: true, charge: { card, integration, behaviour: charged, cardNum } };
}

/** The masked number (`512345xxxxxx2346`) of the payment that saved the card. */
async function savedFrom(tx: Tx, card: EmuCardToken): Promise<string | null> {
  const [row] = await tx
    .select({ cardNum: emuTransactions.cardNum })
    .from(emuTransactions)
    .where(
      and(
        eq(emuTransactions.orderId, card.orderId),
        eq(emuTransactions.saveCard, true),
        eq(emuTransactions.success, true),
      ),
    )
    .orderBy(desc(emuTransactions.id))
    .limit(1);
  return row?.cardNum ?? null;
}
