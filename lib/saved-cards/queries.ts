import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { orders, paymentAttempts, savedCards, users, type SavedCard } from "@/db/schema";
import type { PaymobCardToken } from "@/lib/paymob/reshape";
import { normalizeEmail } from "@/lib/auth/verified-email";

// The saved-cards aggregate: who may keep a card Paymob tokenised, the customer's list, and deleting one.
// The only module that touches the saved_cards table (tests/unit/architecture-boundaries.test.ts).

type Q = Db | Tx;

/** A saved card as the account page and the checkout see it. Never a card number. */
export type CustomerCard = Pick<SavedCard, "id" | "token" | "maskedPan" | "cardSubtype" | "createdAt">;

/** Why a verified TOKEN callback did not become a saved card. */
type CardRefusal =
  | "unknown_order" // Paymob's order id is none of our attempts'
  | "guest_order" // the order belongs to no account: guests never get saved cards
  | "email_unverified" // the account's email was never proven (a magic link, for now)
  | "email_mismatch"; // Paymob saved the card under another address than the account's

export type CardDecision = { ok: true; userId: string } | { ok: false; refusal: CardRefusal };

/**
 * Whose card a verified TOKEN is. Paymob says which order the card was saved on (`order_id`, its order = our
 * attempt's intention order) and under which email; both must point at the same account: the order's owner,
 * whose email was proven and equals the token's. Anything else keeps the token as an event only.
 */
export async function cardOwner(db: Q, token: Pick<PaymobCardToken, "paymobOrderId" | "email">): Promise<CardDecision> {
  if (token.paymobOrderId === undefined) return { ok: false, refusal: "unknown_order" };
  const [row] = await db
    .select({ userId: orders.userId, email: users.email, emailVerified: users.emailVerified })
    .from(paymentAttempts)
    .innerJoin(orders, eq(orders.id, paymentAttempts.orderId))
    .leftJoin(users, eq(users.id, orders.userId))
    .where(eq(paymentAttempts.intentionOrderId, token.paymobOrderId))
    .limit(1);
  if (!row) return { ok: false, refusal: "unknown_order" };
  if (!row.userId) return { ok: false, refusal: "guest_order" };
  if (!row.email || !row.emailVerified) return { ok: false, refusal: "email_unverified" };
  if (!token.email || normalizeEmail(token.email) !== normalizeEmail(row.email))
    return { ok: false, refusal: "email_mismatch" };
  return { ok: true, userId: row.userId };
}

/**
 * Keeps the card for the account. Idempotent on the token (unique constraint): Paymob retries and repeats
 * callbacks, and a repeat saves nothing. Returns whether this call added the row.
 */
export async function saveCard(
  db: Q,
  userId: string,
  token: Pick<PaymobCardToken, "id" | "token" | "maskedPan" | "cardSubtype" | "paymobOrderId">,
): Promise<boolean> {
  const rows = await db
    .insert(savedCards)
    .values({
      userId,
      token: token.token,
      maskedPan: token.maskedPan,
      cardSubtype: token.cardSubtype,
      paymobTokenId: token.id,
      paymobOrderId: token.paymobOrderId ?? 0,
    })
    .onConflictDoNothing({ target: savedCards.token })
    .returning({ id: savedCards.id });
  return rows.length > 0;
}

/** The account's saved cards, oldest first (the order Paymob lists `card_tokens` in is ours to choose). */
export async function listSavedCards(db: Q, userId: string): Promise<CustomerCard[]> {
  return db
    .select({
      id: savedCards.id,
      token: savedCards.token,
      maskedPan: savedCards.maskedPan,
      cardSubtype: savedCards.cardSubtype,
      createdAt: savedCards.createdAt,
    })
    .from(savedCards)
    .where(eq(savedCards.userId, userId))
    .orderBy(asc(savedCards.id));
}

/** The tokens a new intention of this account offers (`card_tokens`). */
export async function cardTokensOf(db: Q, userId: string): Promise<string[]> {
  return (await listSavedCards(db, userId)).map((card) => card.token);
}

/** Deletes one of the account's cards; another account's id deletes nothing. Returns whether a row went. */
export async function deleteSavedCard(db: Q, userId: string, cardId: number): Promise<boolean> {
  const rows = await db
    .delete(savedCards)
    .where(and(eq(savedCards.id, cardId), eq(savedCards.userId, userId)))
    .returning({ id: savedCards.id });
  return rows.length > 0;
}
