import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import {
  cartLines,
  carts,
  orders,
  paymentAttempts,
  paymentEvents,
  products,
  type Order,
  type PaymentAttempt,
} from "@/db/schema";
import { countCartItems } from "@/lib/cart";
import { loadOwnedAttempt } from "@/lib/checkout/ownership/owned-attempt";
import { INQUIRY_GRACE_MS, INQUIRY_INTERVAL_MS, reconcileStaleAttempt } from "@/lib/checkout/return/reconcile";
import { retryPayment } from "@/lib/checkout/return/retry";
import { loadReturnState } from "@/lib/checkout/return/return-state";
import { startCheckout } from "@/lib/checkout/start/start-checkout";
import { clearCartOfPaidOrder } from "@/lib/orders/clear-paid-cart";
import { detailText, timelineText } from "@/components/orders/timeline-text";
import { loadOrderTimeline } from "@/lib/orders/timeline";
import { applyTransaction } from "@/lib/payments";
import { transactionObjectSchema } from "@/lib/paymob/callbacks";
import { reshapeTransaction } from "@/lib/paymob/reshape";
import { clearAuthTokenCache } from "@/lib/paymob/transactions";
import { useTestDb } from "../helpers/db";
import { transactionFor } from "../helpers/orders";
import { testDbTarget } from "../helpers/test-db-target";
import { cartWith, fakePaymob, submission, visitor } from "./checkout-fixtures";
import { translator } from "../helpers/i18n";

/** The timeline as an English page words it (components/orders/payment-timeline.tsx). */
async function englishTimeline(db: Parameters<typeof loadOrderTimeline>[0], orderId: string) {
  const t = translator("en", "orders");
  return (await loadOrderTimeline(db, orderId)).map((entry) => {
    const text = timelineText(entry.event, t, { locale: "en", region: "egypt" });
    return { ...entry, title: text.title, detail: detailText(text.detail) };
  });
}

const t = useTestDb();

afterEach(() => vi.restoreAllMocks());

/** A placed, intended order (hosted checkout), as the checkout action leaves it. */
async function placed(db: Db, owner = visitor(), mode: "redirect" | "pixel" = "redirect") {
  const cartId = await cartWith(db, { "siwa-olive-oil": 2 });
  const paymob = fakePaymob();
  const step = await startCheckout(db, { cartId, owner, submission: submission({ mode }) }, paymob.deps);
  if (step.kind !== "hosted" && step.kind !== "pixel") throw new Error(`unexpected step ${step.kind}`);
  return { ...step, owner, cartId, paymob };
}

async function deliver(db: Db, attempt: PaymentAttempt, overrides: Parameters<typeof transactionFor>[1] = {}) {
  const obj = transactionObjectSchema.parse(transactionFor(attempt, overrides));
  return applyTransaction(db, reshapeTransaction(obj), {
    source: "callback",
    rawBody: JSON.stringify({ type: "TRANSACTION", obj }),
  });
}

/** Moves the attempt's "checkout opened" back in time, as if the customer had been paying for `ms`. */
const openedAgo = (db: Db, attempt: PaymentAttempt, ms: number) =>
  db
    .update(paymentAttempts)
    .set({ checkoutOpenedAt: sql`now() - ${sql.raw(`interval '${ms} milliseconds'`)}` })
    .where(eq(paymentAttempts.id, attempt.id));

const reload = async (db: Db, order: Order) => (await db.select().from(orders).where(eq(orders.id, order.id)))[0]!;
const attemptsOf = (db: Db, order: Order) =>
  db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, order.id)).orderBy(paymentAttempts.createdAt);

describe.skipIf(t.skipped)(`checkout: after the payment, on ${testDbTarget()}`, () => {
  it("Try again after a decline starts attempt 2 with a new special_reference on the same order", async () => {
    const { order, attempt, owner, paymob } = await placed(t.db);
    await deliver(t.db, attempt, { success: false, message: "Do not honour" });
    expect((await reload(t.db, order)).status).toBe("payment_failed");

    const step = await retryPayment(t.db, { orderId: order.id, owner }, paymob.deps);

    expect(step).toMatchObject({ kind: "hosted", order: { id: order.id, status: "awaiting_payment" } });
    const attempts = await attemptsOf(t.db, order);
    expect(attempts.map((a) => [a.specialReference, a.status, a.mode])).toEqual([
      [`${order.reference}-1`, "declined", "redirect"],
      [`${order.reference}-2`, "intended", "redirect"],
    ]);
    expect(paymob.requests.map((r) => r.body.special_reference)).toEqual([
      `${order.reference}-1`,
      `${order.reference}-2`,
    ]);
    expect(paymob.requests[1]?.body.amount).toBe(order.totalMinor);
  });

  it("a double-clicked Try again creates one attempt, in the original mode", async () => {
    const { order, attempt, owner, paymob } = await placed(t.db, visitor(), "pixel");
    await deliver(t.db, attempt, { success: false });
    const [a, b] = await Promise.all([
      retryPayment(t.db, { orderId: order.id, owner }, paymob.deps),
      retryPayment(t.db, { orderId: order.id, owner }, paymob.deps),
    ]);
    expect(a?.kind).toBe("pixel");
    expect(b?.kind).toBe("pixel");
    const attempts = await attemptsOf(t.db, order);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]).toMatchObject({ mode: "pixel", status: "intended", specialReference: `${order.reference}-2` });
    expect(paymob.requests).toHaveLength(2);
  });

  it("never retries a paid order, nor someone else's", async () => {
    const { order, attempt, owner, paymob } = await placed(t.db);
    expect(await retryPayment(t.db, { orderId: order.id, owner: visitor() }, paymob.deps)).toBeUndefined();
    await deliver(t.db, attempt);
    expect(await retryPayment(t.db, { orderId: order.id, owner }, paymob.deps)).toMatchObject({ kind: "settled" });
    expect(await attemptsOf(t.db, order)).toHaveLength(1);
  });

  it("shows an attempt only to its owner: visitor cookie or signed-in user", async () => {
    const { order, attempt, owner } = await placed(t.db);
    expect((await loadOwnedAttempt(t.db, { specialReference: attempt.specialReference }, owner))?.order.id).toBe(
      order.id,
    );
    expect((await loadOwnedAttempt(t.db, { paymobOrderId: attempt.intentionOrderId! }, owner))?.attempt.id).toBe(
      attempt.id,
    );
    expect(await loadOwnedAttempt(t.db, { specialReference: attempt.specialReference }, visitor())).toBeUndefined();
    expect(await loadOwnedAttempt(t.db, { attemptId: attempt.id }, {})).toBeUndefined();
    expect(await loadOwnedAttempt(t.db, { specialReference: "NC-NOTREAL0-1" }, owner)).toBeUndefined();
  });

  it("return page state: polls while Paymob has not answered, offers Try again only after a failure", async () => {
    const { attempt, owner, paymob } = await placed(t.db);
    const state = () => loadReturnState(t.db, { specialReference: attempt.specialReference }, owner);
    expect(await state()).toMatchObject({ order: { status: "awaiting_payment" }, awaiting: true, retryable: false });
    expect(await loadReturnState(t.db, { specialReference: attempt.specialReference }, visitor())).toBeUndefined();

    await deliver(t.db, attempt, { success: false });
    expect(await state()).toMatchObject({ order: { status: "payment_failed" }, awaiting: false, retryable: true });

    const retried = await retryPayment(t.db, { orderId: attempt.orderId, owner }, paymob.deps);
    // The old return URL follows the order to its newest attempt.
    expect(await state()).toMatchObject({
      order: { status: "awaiting_payment" },
      current: { id: retried?.kind === "hosted" ? retried.attempt.id : "?" },
      awaiting: true,
      retryable: false,
    });
  });

  it("an authorisation is neither pending nor failed: no polling, no Try again, no inquiry; the cart is emptied", async () => {
    const { order, attempt, owner, cartId, paymob } = await placed(t.db);
    await deliver(t.db, attempt, { is_auth: true });
    const state = await loadReturnState(t.db, { specialReference: attempt.specialReference }, owner);
    expect(state).toMatchObject({
      order: { status: "authorised" },
      current: { status: "authorised" },
      awaiting: false,
      retryable: false,
    });
    expect(await retryPayment(t.db, { orderId: order.id, owner }, paymob.deps)).toMatchObject({ kind: "settled" });
    expect(await attemptsOf(t.db, order)).toHaveLength(1);
    expect(await reconcileStaleAttempt(t.db, state!.order, state!.current, { config: paymob.deps.config })).toBe(
      "not_needed",
    );
    expect(await t.db.$count(cartLines, eq(cartLines.cartId, cartId))).toBe(0); // by the authorisation's callback
  });

  it("asks Paymob's inquiry API once the callback is overdue, applies the answer, and rate-limits", async () => {
    const { order, attempt } = await placed(t.db);
    const inquiry = fakeInquiry((body) =>
      body.merchant_order_id === attempt.specialReference
        ? { status: 200, json: transactionFor(attempt) }
        : { status: 404, json: { detail: "Not found." } },
    );
    const deps = { config: inquiry.config, fetchImpl: inquiry.fetchImpl };

    expect(await reconcileStaleAttempt(t.db, order, attempt, deps)).toBe("too_soon");
    expect(inquiry.calls).toBe(0);

    await openedAgo(t.db, attempt, INQUIRY_GRACE_MS + 1_000);
    expect(await reconcileStaleAttempt(t.db, order, attempt, deps)).toBe("applied");
    const paid = await reload(t.db, order);
    expect(paid.status).toBe("paid");
    const [event] = await t.db.select().from(paymentEvents).where(eq(paymentEvents.attemptId, attempt.id));
    expect(event).toMatchObject({ source: "inquiry", outcome: "applied" });

    // Settled now: nothing more to ask.
    expect(await reconcileStaleAttempt(t.db, paid, attempt, deps)).toBe("not_needed");
    expect(inquiry.inquiries).toBe(1);
  });

  it("records a 'no transaction yet' answer and waits the interval before asking again", async () => {
    const { order, attempt } = await placed(t.db);
    const inquiry = fakeInquiry(() => ({ status: 404, json: { detail: "Not found." } }));
    const deps = { config: inquiry.config, fetchImpl: inquiry.fetchImpl };
    await openedAgo(t.db, attempt, INQUIRY_GRACE_MS + 1_000);

    expect(await reconcileStaleAttempt(t.db, order, attempt, deps)).toBe("no_transaction");
    expect(await reconcileStaleAttempt(t.db, order, attempt, deps)).toBe("rate_limited");
    expect(inquiry.inquiries).toBe(1);
    await t.db
      .update(paymentEvents)
      .set({ receivedAt: sql`now() - ${sql.raw(`interval '${INQUIRY_INTERVAL_MS + 1_000} milliseconds'`)}` })
      .where(eq(paymentEvents.attemptId, attempt.id));
    expect(await reconcileStaleAttempt(t.db, order, attempt, deps)).toBe("no_transaction");
    expect(inquiry.inquiries).toBe(2);
    expect((await reload(t.db, order)).status).toBe("awaiting_payment");
    const timeline = await englishTimeline(t.db, order.id);
    expect(timeline.filter((e) => e.title === "Asked Paymob for the payment status").map((e) => e.detail)).toEqual([
      "no transaction yet",
      "no transaction yet",
    ]);
  });

  it("tells the whole story in the timeline, from DB rows", async () => {
    const { order, attempt, owner, paymob } = await placed(t.db);
    await deliver(t.db, attempt, { success: false, message: "Do not honour" });
    const dup = transactionFor(attempt, { success: false });
    await applyTransaction(t.db, reshapeTransaction(transactionObjectSchema.parse(dup)), {
      source: "callback",
      rawBody: "{}",
    });
    await applyTransaction(t.db, reshapeTransaction(transactionObjectSchema.parse(dup)), {
      source: "callback",
      rawBody: "{}",
    });
    await t.db.insert(paymentEvents).values({
      kind: "TRANSACTION",
      verification: "invalid",
      rawBody: "{}",
      merchantOrderId: attempt.specialReference,
      outcome: "rejected_signature",
    });
    await retryPayment(t.db, { orderId: order.id, owner }, paymob.deps);

    const timeline = await englishTimeline(t.db, order.id);
    const titles = timeline.map((e) => e.title);
    expect(titles[0]).toBe(`Order ${order.reference} placed`);
    expect(titles).toEqual(
      expect.arrayContaining([
        "Payment intention created with Paymob",
        "Sent to Paymob's hosted checkout",
        "Paymob callback received",
        "Order status: Awaiting payment → Payment failed",
        "Try again: payment attempt 2 started",
      ]),
    );
    const callbacks = timeline.filter((e) => e.title === "Paymob callback received").map((e) => e.detail);
    expect(callbacks).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^signature verified · declined \(Do not honour\) · applied$/),
        expect.stringMatching(/duplicate: already applied$/),
        "rejected: the signature did not match · not applied",
      ]),
    );
    expect(timeline.filter((e) => e.title === "Payment intention created with Paymob").map((e) => e.attempt)).toEqual([
      1, 2,
    ]);
    for (let i = 1; i < timeline.length; i++)
      expect(timeline[i]!.at.getTime()).toBeGreaterThanOrEqual(timeline[i - 1]!.at.getTime());
  });

  it("the callback that pays an order empties the cart it was checked out from, once, but not one changed after the order", async () => {
    const { order, attempt, cartId } = await placed(t.db);
    expect(await t.db.$count(cartLines, eq(cartLines.cartId, cartId))).toBe(1);
    await deliver(t.db, attempt);
    expect((await reload(t.db, order)).status).toBe("paid");
    expect(await t.db.$count(cartLines, eq(cartLines.cartId, cartId))).toBe(0);
    // What the return page reads after the paid order and hands to the header (ReportCartCount).
    expect(await countCartItems(t.db, cartId)).toBe(0);
    // Clearing touched the cart, so asking again, or a later callback (here a second charge), leaves the next purchase alone.
    expect(await clearCartOfPaidOrder(t.db, { orderId: order.id, from: "awaiting_payment", to: "paid" })).toBe(false);
    const [mug] = await t.db.select().from(products).where(eq(products.slug, "aswan-clay-mug"));
    await t.db.insert(cartLines).values({ cartId, productId: mug!.id, quantity: 1 }); // the shopper's next purchase
    await t.db
      .update(carts)
      .set({ updatedAt: new Date(Date.now() + 60_000) })
      .where(eq(carts.id, cartId));
    expect(await deliver(t.db, attempt)).toMatchObject({ outcome: "double_payment", to: "needs_review" });
    expect(await t.db.$count(cartLines, eq(cartLines.cartId, cartId))).toBe(1);

    const other = await placed(t.db);
    await t.db
      .update(carts)
      .set({ updatedAt: new Date(Date.now() + 60_000) })
      .where(eq(carts.id, other.cartId)); // shopper added more
    await deliver(t.db, other.attempt);
    expect((await reload(t.db, other.order)).status).toBe("paid");
    expect(await t.db.$count(cartLines, eq(cartLines.cartId, other.cartId))).toBe(1);

    const unpaid = await placed(t.db);
    await deliver(t.db, unpaid.attempt, { success: false });
    expect((await reload(t.db, unpaid.order)).status).toBe("payment_failed");
    expect(
      await clearCartOfPaidOrder(t.db, { orderId: unpaid.order.id, from: "awaiting_payment", to: "payment_failed" }),
    ).toBe(false);
    expect(await t.db.$count(cartLines, eq(cartLines.cartId, unpaid.cartId))).toBe(1);
  });
});

/** Paymob's auth-token + transaction-inquiry endpoints, answering per request body. */
function fakeInquiry(answer: (body: Record<string, unknown>) => { status: number; json: unknown }) {
  clearAuthTokenCache();
  const state = { calls: 0, inquiries: 0 };
  const fetchImpl = async (url: string, init: RequestInit) => {
    state.calls++;
    const body = JSON.parse(String(init.body)) as Record<string, unknown>;
    if (url.endsWith("/api/auth/tokens")) return Response.json({ token: "auth-token-for-tests" }, { status: 201 });
    state.inquiries++;
    const { status, json } = answer(body);
    return Response.json(json, { status });
  };
  return {
    fetchImpl,
    config: fakePaymob().deps.config,
    get calls() {
      return state.calls;
    },
    get inquiries() {
      return state.inquiries;
    },
  };
}
