import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { orders, paymentEvents, savedCards, users, type PaymentAttempt } from "@/db/schema";
import { startCheckout } from "@/lib/checkout/start/start-checkout";
import { signToken } from "@/lib/paymob/hmac";
import { processCallback } from "@/lib/payments";
import { deleteSavedCard, listSavedCards } from "@/lib/saved-cards/queries";
import { useTestDb } from "../helpers/db";
import { createOrderWithAttempt, nextId, TEST_HMAC_SECRET } from "../helpers/orders";
import { testDbTarget } from "../helpers/test-db-target";
import { cartWith, fakePaymob, submission } from "./checkout-fixtures";

// Saved cards (docs/paymob.md § "Saved cards"): a verified TOKEN callback becomes a card of the account that owns
// the order, only when the token's email is that account's proven email; the next intention offers it.

const t = useTestDb();

async function account(db: Db, options: { verified?: boolean; email?: string } = {}) {
  const email = options.email ?? `buyer-${randomBytes(4).toString("hex")}@example.com`;
  const [user] = await db
    .insert(users)
    .values({ email, emailVerified: options.verified === false ? null : new Date() })
    .returning();
  return user!;
}

/** An order with an intended attempt, owned by `userId` (or a guest's, without one). */
async function orderOf(db: Db, userId?: string) {
  const placed = await createOrderWithAttempt(db);
  if (userId) await db.update(orders).set({ userId, guestId: null }).where(eq(orders.id, placed.order.id));
  return placed;
}

function tokenCallback(attempt: PaymentAttempt, email: string, token = randomBytes(24).toString("hex")) {
  const obj = {
    id: nextId(),
    token,
    masked_pan: "xxxx-xxxx-xxxx-2346",
    merchant_id: 11883,
    card_subtype: "MasterCard",
    created_at: "2026-11-24T12:00:01.000000",
    email,
    order_id: String(attempt.intentionOrderId),
    user_added: false,
  };
  return { rawBody: JSON.stringify({ type: "TOKEN", obj }), hmac: signToken(TEST_HMAC_SECRET, obj) };
}

const deliver = (signed: { rawBody: string; hmac: string }) =>
  processCallback({ ...signed, hmacSecret: TEST_HMAC_SECRET, db: t.db });

async function tokenEventDetail(db: Db, attemptId: string): Promise<string[]> {
  const rows = await db.select().from(paymentEvents).where(eq(paymentEvents.attemptId, attemptId));
  return rows.map((r) => r.detail ?? "");
}

describe.skipIf(t.skipped)(`saved cards on ${testDbTarget()}`, () => {
  it("keeps the card for the account that owns the order, when the token's email is its proven email", async () => {
    const user = await account(t.db);
    const { attempt } = await orderOf(t.db, user.id);
    const signed = tokenCallback(attempt, user.email!.toUpperCase()); // emails compare case-insensitively
    expect(await deliver(signed)).toEqual({ status: 200, body: { ok: true, outcome: "token_stored" } });

    const cards = await listSavedCards(t.db, user.id);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ maskedPan: "xxxx-xxxx-xxxx-2346", cardSubtype: "MasterCard" });
    expect(cards[0]?.token).toBe((JSON.parse(signed.rawBody) as { obj: { token: string } }).obj.token);
    expect(await tokenEventDetail(t.db, attempt.id)).toEqual([expect.stringContaining("saved to the account")]);
  });

  it("refuses a token for another customer's order", async () => {
    const owner = await account(t.db);
    const other = await account(t.db);
    const { attempt } = await orderOf(t.db, owner.id);
    // Paymob says the card was saved by `other`, on `owner`'s order: neither account gets it.
    expect((await deliver(tokenCallback(attempt, other.email!))).body.outcome).toBe("token_stored");
    expect(await listSavedCards(t.db, owner.id)).toEqual([]);
    expect(await listSavedCards(t.db, other.id)).toEqual([]);
    expect(await tokenEventDetail(t.db, attempt.id)).toEqual([expect.stringContaining("not saved: email_mismatch")]);
  });

  it("refuses a token whose email is not the account's, or when the account's email was never proven", async () => {
    const unverified = await account(t.db, { verified: false });
    const first = await orderOf(t.db, unverified.id);
    await deliver(tokenCallback(first.attempt, unverified.email!));
    expect(await listSavedCards(t.db, unverified.id)).toEqual([]);
    expect(await tokenEventDetail(t.db, first.attempt.id)).toEqual([
      expect.stringContaining("not saved: email_unverified"),
    ]);

    const verified = await account(t.db);
    const second = await orderOf(t.db, verified.id);
    await deliver(tokenCallback(second.attempt, "someone-else@example.com"));
    expect(await listSavedCards(t.db, verified.id)).toEqual([]);
  });

  it("never saves a card for a guest's order", async () => {
    const user = await account(t.db, { email: "buyer@example.com" }); // the guest order's own email
    const { attempt } = await orderOf(t.db); // a guest checkout, even with an email that has an account
    await deliver(tokenCallback(attempt, user.email!));
    expect(await t.db.select().from(savedCards).where(eq(savedCards.userId, user.id))).toEqual([]);
    expect(await tokenEventDetail(t.db, attempt.id)).toEqual([expect.stringContaining("not saved: guest_order")]);
  });

  it("a repeated TOKEN callback keeps one card", async () => {
    const user = await account(t.db);
    const { attempt } = await orderOf(t.db, user.id);
    const signed = tokenCallback(attempt, user.email!);
    const answers = await Promise.all([deliver(signed), deliver(signed)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect((await deliver(signed)).status).toBe(200);
    expect(await listSavedCards(t.db, user.id)).toHaveLength(1);
    expect(await tokenEventDetail(t.db, attempt.id)).toHaveLength(3); // every callback is still logged
  });

  it("offers the account's cards in the next intention's card_tokens, and a deleted card no more", async () => {
    const user = await account(t.db);
    const { attempt } = await orderOf(t.db, user.id);
    const keep = randomBytes(24).toString("hex");
    const drop = randomBytes(24).toString("hex");
    await deliver(tokenCallback(attempt, user.email!, keep));
    await deliver(tokenCallback(attempt, user.email!, drop));

    const checkout = async (owner: { userId?: string; guestId?: string }) => {
      const paymob = fakePaymob();
      const cartId = await cartWith(t.db, { "aswan-clay-mug": 1 });
      const step = await startCheckout(t.db, { cartId, owner, submission: submission() }, paymob.deps);
      expect(step.kind).toBe("hosted");
      return paymob.requests[0]!.body;
    };
    expect((await checkout({ userId: user.id })).card_tokens).toEqual([keep, drop]);

    const dropped = (await listSavedCards(t.db, user.id)).find((c) => c.token === drop)!;
    const stranger = await account(t.db);
    expect(await deleteSavedCard(t.db, stranger.id, dropped.id)).toBe(false); // only the owner can delete it
    expect(await deleteSavedCard(t.db, user.id, dropped.id)).toBe(true);
    expect((await checkout({ userId: user.id })).card_tokens).toEqual([keep]);

    // A guest's checkout never carries card_tokens.
    expect(await checkout({ guestId: randomBytes(8).toString("hex") })).not.toHaveProperty("card_tokens");
  });
});
