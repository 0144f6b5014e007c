import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { orderLines } from "@/db/schema/orders";
import { orderEmails } from "@/db/schema/order-emails";
import { readOutbox } from "@/lib/mail/outbox";
import { sendDueOrderEmails } from "@/lib/mail/order-emails";
import { claimDueEmails, emailsOfOrder } from "@/lib/mail/queries";
import type { Email } from "@/lib/mail/send";
import { formatMoney } from "@/lib/money";
import { processCallback } from "@/lib/payments";
import { useTestDb } from "../helpers/db";
import {
  createOrderWithAttempt,
  signedTransaction,
  TEST_HMAC_SECRET,
  transactionFor,
  type SignedCallback,
} from "../helpers/orders";
import { testDbTarget } from "../helpers/test-db-target";

// The order-email outbox end to end below the HTTP layer: the callback's statement owes the email, the sender
// (run here explicitly; in the app, after the response) sends it once, through the dev outbox.

const t = useTestDb({ seed: false });
const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), "order-emails-outbox-"));
const APP_URL = "https://shop.example.test";

beforeAll(() => {
  vi.stubEnv("AUTH_OUTBOX_DIR", outboxDir);
  vi.stubEnv("APP_URL", APP_URL);
  vi.stubEnv("AUTH_RESEND_KEY", "");
});
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(outboxDir, { recursive: true, force: true });
});

const deliver = async (signed: SignedCallback) =>
  processCallback({ ...signed, hmacSecret: TEST_HMAC_SECRET, db: t.db });

async function orderWithLine(amountMinor = 35_000) {
  const setup = await createOrderWithAttempt(t.db, { amountMinor });
  await t.db.insert(orderLines).values({
    orderId: setup.order.id,
    name: "Cotton scarf",
    unitPriceMinor: amountMinor / 2,
    quantity: 2,
    lineTotalMinor: amountMinor,
  });
  return setup;
}

const messagesFor = async (reference: string) =>
  (await readOutbox(100)).filter((m) => m.subject.includes(reference)).sort((a, b) => a.id.localeCompare(b.id));

describe.skipIf(t.skipped)(`order emails on ${testDbTarget()}`, () => {
  it("a paid callback owes one 'order confirmed' email, with the lines, the total and a configured link", async () => {
    const { order, attempt } = await orderWithLine();
    const result = await deliver(signedTransaction(transactionFor(attempt)));
    expect(result.status).toBe(200);
    expect(await messagesFor(order.reference)).toEqual([]); // sent after the transaction, not inside it

    expect(await sendDueOrderEmails(t.db)).toMatchObject({ sent: 1, failed: 0 });
    const [message, ...others] = await messagesFor(order.reference);
    expect(others).toEqual([]);
    expect(message).toMatchObject({
      to: "buyer@example.com",
      kind: "order_confirmed",
      subject: `Order ${order.reference} confirmed`,
      url: `${APP_URL}/account/orders/${order.reference}`,
    });
    expect(message!.text).toContain(`2 × Cotton scarf — ${formatMoney(35_000, "EGP")}`);
    expect(message!.text).toContain(`Total: ${formatMoney(35_000, "EGP")}`);
    expect((await emailsOfOrder(t.db, order.id))[0]!.sentAt).not.toBeNull();
  });

  it("the same callback three times, two at once: still one email", async () => {
    const { order, attempt } = await orderWithLine();
    const approval = signedTransaction(transactionFor(attempt));
    const concurrent = await Promise.all([deliver(approval), deliver(approval)]);
    const again = await deliver(approval);
    expect([...concurrent, again].map((r) => r.status)).toEqual([200, 200, 200]);
    await Promise.all([sendDueOrderEmails(t.db), sendDueOrderEmails(t.db)]);
    await sendDueOrderEmails(t.db);
    expect(await emailsOfOrder(t.db, order.id)).toHaveLength(1);
    expect((await messagesFor(order.reference)).map((m) => m.kind)).toEqual(["order_confirmed"]);
  });

  it("a refund owes one 'refund issued' email, even when Paymob reports it twice", async () => {
    const { order, attempt } = await orderWithLine();
    const sale = transactionFor(attempt);
    await deliver(signedTransaction(sale));
    const child = transactionFor(attempt, {
      has_parent_transaction: true,
      parent_transaction: sale.id,
      is_refund: true,
      amount_cents: 10_000,
    });
    expect((await deliver(signedTransaction(child))).status).toBe(200);
    // The parent re-notified with the same refunded total: the same refund, not a second one.
    const parent = transactionFor(attempt, { id: sale.id, is_refunded: true, refunded_amount_cents: 10_000 });
    expect((await deliver(signedTransaction(parent))).status).toBe(200);
    await sendDueOrderEmails(t.db);

    const messages = await messagesFor(order.reference);
    expect(messages.map((m) => m.kind)).toEqual(["order_confirmed", "refund_issued"]);
    const refund = messages[1]!;
    expect(refund.subject).toBe(`Refund issued for order ${order.reference}`);
    expect(refund.text).toContain(`We refunded ${formatMoney(10_000, "EGP")} for order ${order.reference}`);

    // A second refund is a second email.
    const rest = transactionFor(attempt, {
      has_parent_transaction: true,
      parent_transaction: sale.id,
      is_refund: true,
      amount_cents: 25_000,
    });
    await deliver(signedTransaction(rest));
    await sendDueOrderEmails(t.db);
    const kinds = (await emailsOfOrder(t.db, order.id)).map((e) => [e.kind, e.eventKey, e.amountMinor]);
    expect(kinds).toEqual([
      ["order_confirmed", "", null],
      ["refund_issued", "10000", 10_000],
      ["refund_issued", "35000", 25_000],
    ]);
    expect(await messagesFor(order.reference)).toHaveLength(3);
  });

  it("a failing mailer never fails the callback; the email is retried after a backoff", async () => {
    const { order, attempt } = await orderWithLine();
    expect((await deliver(signedTransaction(transactionFor(attempt)))).status).toBe(200);

    let now = new Date();
    const clock = () => now;
    const failing = vi.fn(async (_email: Email) => {
      throw new Error("mail provider down");
    });
    const first = await sendDueOrderEmails(t.db, { now: clock, send: failing });
    expect(first).toMatchObject({ sent: 0, failed: 1 });
    expect(failing).toHaveBeenCalledTimes(1);
    let [row] = await emailsOfOrder(t.db, order.id);
    expect(row).toMatchObject({ attempts: 1, sentAt: null, lastError: "mail provider down" });

    // Not due again yet: nothing is tried.
    expect(await sendDueOrderEmails(t.db, { now: clock, send: failing })).toMatchObject({ sent: 0, failed: 0 });
    expect(failing).toHaveBeenCalledTimes(1);

    now = new Date(now.getTime() + 61_000);
    expect(await sendDueOrderEmails(t.db, { now: clock })).toMatchObject({ sent: 1, failed: 0 });
    [row] = await emailsOfOrder(t.db, order.id);
    expect(row).toMatchObject({ attempts: 2, lastError: null });
    expect(await messagesFor(order.reference)).toHaveLength(1);
  });

  it("a sender that died mid-send (claimed, never marked) is retried after its lease, once", async () => {
    const { order, attempt } = await orderWithLine();
    await deliver(signedTransaction(transactionFor(attempt)));
    const now = new Date();
    const held = await claimDueEmails(t.db, {
      now,
      leaseUntil: new Date(now.getTime() + 120_000),
      limit: 100,
      maxAttempts: 10,
    });
    expect(held.map((r) => r.orderId)).toContain(order.id);
    // The crashed sender's lease still holds: nobody else sends it.
    expect(await sendDueOrderEmails(t.db, { now: () => now })).toMatchObject({ sent: 0 });
    const later = new Date(now.getTime() + 121_000);
    await sendDueOrderEmails(t.db, { now: () => later });
    expect(await messagesFor(order.reference)).toHaveLength(1);
    const rows = await t.db.select().from(orderEmails).where(eq(orderEmails.orderId, order.id));
    expect(rows[0]?.sentAt).not.toBeNull();
  });
});
