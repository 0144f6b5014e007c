import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders, type Order, type OrderStatus } from "@/db/schema/orders";
import {
  paymentAttempts,
  paymentEvents,
  paymentTransactions,
  type AttemptStatus,
  type PaymentAttempt,
} from "@/db/schema/payments";
import { signToken, signTransaction } from "@/lib/paymob/hmac";
import docsSample from "../fixtures/callbacks/docs-transaction-2024.json";

// Orders, attempts and Paymob payloads for callback tests. Payloads start from Paymob's own documented callback
// (every extra key included) and override only what a test is about; ids are unique per call.

export const TEST_HMAC_SECRET = "TEST0HMAC0SECRET0FOR0CALLBACK0TESTS";

let sequence = Number.parseInt(randomBytes(3).toString("hex"), 16) * 100;
export const nextId = () => ++sequence;

export type OrderSetup = {
  amountMinor?: number;
  currency?: string;
  status?: OrderStatus;
  attemptStatus?: AttemptStatus;
  /** null: the intention response never reached us. */
  intentionOrderId?: number | null;
};

/** The billing columns every test order needs, besides its email. */
export const TEST_BUYER = {
  phone: "+201000000000",
  firstName: "Test",
  lastName: "Buyer",
  street: "1 Nile St",
  city: "Cairo",
  country: "EG",
} as const;

export type OrderWithAttempt = { order: Order; attempt: PaymentAttempt };

export async function createOrderWithAttempt(db: Db, setup: OrderSetup = {}): Promise<OrderWithAttempt> {
  const amountMinor = setup.amountMinor ?? 35_000;
  const currency = setup.currency ?? "EGP";
  const id = nextId();
  const [order] = await db
    .insert(orders)
    .values({
      reference: `PS-T${id}`,
      status: setup.status ?? "awaiting_payment",
      totalMinor: amountMinor,
      currency,
      checkoutKey: `checkout-${id}`,
      guestId: `guest-${id}`,
      email: "buyer@example.com",
      ...TEST_BUYER,
    })
    .returning();
  if (!order) throw new Error("order insert returned nothing");
  const attempt = await addAttempt(db, order, setup);
  return { order, attempt };
}

/** A further attempt ("Try again") on an existing order. */
export async function addAttempt(db: Db, order: Order, setup: OrderSetup = {}): Promise<PaymentAttempt> {
  const id = nextId();
  const [attempt] = await db
    .insert(paymentAttempts)
    .values({
      orderId: order.id,
      mode: "redirect",
      status: setup.attemptStatus ?? "intended",
      amountMinor: setup.amountMinor ?? order.totalMinor,
      currency: setup.currency ?? order.currency,
      specialReference: `${order.reference}-${id}`,
      intentionId: `pi_test_${id}`,
      intentionOrderId: setup.intentionOrderId === undefined ? id : setup.intentionOrderId,
      clientSecret: `egy_csk_test_${id}`,
    })
    .returning();
  if (!attempt) throw new Error("attempt insert returned nothing");
  return attempt;
}

export type TxOverrides = Partial<{
  id: number;
  amount_cents: number;
  currency: string;
  success: boolean;
  pending: boolean;
  is_voided: boolean;
  is_refunded: boolean;
  is_auth: boolean;
  is_capture: boolean;
  error_occured: boolean;
  has_parent_transaction: boolean;
  parent_transaction: number | null;
  refunded_amount_cents: number | null;
  is_void: boolean;
  is_refund: boolean;
  message: string;
  orderId: number;
  merchantOrderId: string | null;
}>;

/** A Paymob TRANSACTION `obj` for an attempt: by default an approved sale of exactly the attempt amount. */
export function transactionFor(attempt: PaymentAttempt, o: TxOverrides = {}): Record<string, unknown> & { id: number } {
  const obj = structuredClone(docsSample.payload.obj) as unknown as Record<string, unknown> & {
    id: number;
    order: Record<string, unknown>;
    data: Record<string, unknown>;
  };
  const success = o.success ?? true;
  Object.assign(obj, {
    id: o.id ?? nextId(),
    amount_cents: o.amount_cents ?? attempt.amountMinor,
    currency: o.currency ?? attempt.currency,
    success,
    pending: o.pending ?? false,
    is_voided: o.is_voided ?? false,
    is_refunded: o.is_refunded ?? false,
    is_auth: o.is_auth ?? false,
    is_capture: o.is_capture ?? false,
    error_occured: o.error_occured ?? false,
    has_parent_transaction: o.has_parent_transaction ?? false,
    parent_transaction: o.parent_transaction ?? null,
    refunded_amount_cents: o.refunded_amount_cents ?? null,
    is_void: o.is_void ?? false,
    is_refund: o.is_refund ?? false,
    created_at: "2026-11-24T12:00:00.123456",
  });
  obj.order = {
    ...obj.order,
    id: o.orderId ?? attempt.intentionOrderId,
    merchant_order_id: o.merchantOrderId === undefined ? attempt.specialReference : o.merchantOrderId,
  };
  obj.data = { ...obj.data, message: o.message ?? (success ? "Approved" : "Declined") };
  return obj;
}

export type SignedCallback = { rawBody: string; hmac: string };

export function signedTransaction(obj: Record<string, unknown>, secret = TEST_HMAC_SECRET): SignedCallback {
  const body = {
    type: "TRANSACTION",
    obj,
    issuer_bank: null,
    transaction_processed_callback_responses: "",
    accept_fees: 0,
  };
  return { rawBody: JSON.stringify(body), hmac: signTransaction(secret, obj) };
}

export function signedToken(attempt: PaymentAttempt, secret = TEST_HMAC_SECRET): SignedCallback {
  const obj = {
    id: nextId(),
    token: randomBytes(24).toString("hex"),
    masked_pan: "xxxx-xxxx-xxxx-2346",
    merchant_id: 11883,
    card_subtype: "MasterCard",
    created_at: "2026-11-24T12:00:01.000000",
    email: "buyer@example.com",
    order_id: String(attempt.intentionOrderId),
    user_added: false,
  };
  return { rawBody: JSON.stringify({ type: "TOKEN", obj }), hmac: signToken(secret, obj) };
}

/** The order, its attempts, and every event and transaction row recorded for it. */
export async function loadOrderState(db: Db, orderId: string) {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  const attempts = await db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, orderId));
  const events = await db
    .select()
    .from(paymentEvents)
    .where(eq(paymentEvents.orderId, orderId))
    .orderBy(paymentEvents.id);
  const transactions = await db
    .select()
    .from(paymentTransactions)
    .where(eq(paymentTransactions.orderId, orderId))
    .orderBy(paymentTransactions.id);
  if (!order) throw new Error(`order ${orderId} not found`);
  return { order, attempts, events, transactions, attempt: (id: string) => attempts.find((a) => a.id === id) };
}

export async function eventsForTransaction(db: Db, paymobTransactionId: number) {
  return db
    .select()
    .from(paymentEvents)
    .where(eq(paymentEvents.paymobTransactionId, paymobTransactionId))
    .orderBy(paymentEvents.id);
}
