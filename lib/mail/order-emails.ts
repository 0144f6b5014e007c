import "server-only";
import type { Db } from "@/db/client";
import type { OrderEmail } from "@/db/schema/order-emails";
import { appUrl } from "@/lib/app-url";
import { logger } from "@/lib/logger";
import { findOrder, linesOfOrderIn } from "@/lib/orders/queries";
import { STORE_NAME, storeRegion } from "@/lib/store";
import { orderEmailText } from "./order-email-text";
import { claimDueEmails, markEmailFailed, markEmailSent } from "./queries";
import { sendEmail, type SendEmail } from "./send";

// Sends what the order-email outbox owes (db/schema/order-emails.ts), after the payment's transaction committed.
// Nothing here can fail a callback: the callback answered before this runs (lib/mail/schedule.ts), every failure
// is logged and the row is retried with a backoff, and a row a crash left behind comes back after its lease.

/** Longer than any one send may take (Resend's call times out after 10 s). */
const LEASE_MS = 2 * 60_000;
/** After this many failed sends the row is left for an operator (its last_error says why). */
export const MAX_EMAIL_ATTEMPTS = 10;
const BATCH = 20;

/** 1, 2, 4 … minutes after the nth failure, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60_000);
}

export type SendDueOptions = { now?: () => Date; send?: SendEmail; appUrl?: string };
export type SendDueReport = { sent: number; failed: number; nextRetryAt?: Date };

/** Sends every email due now, batch by batch. Never throws for a send; a database failure does throw. */
export async function sendDueOrderEmails(db: Db, options: SendDueOptions = {}): Promise<SendDueReport> {
  const now = options.now ?? (() => new Date());
  const report: SendDueReport = { sent: 0, failed: 0 };
  for (;;) {
    const at = now();
    const rows = await claimDueEmails(db, {
      now: at,
      leaseUntil: new Date(at.getTime() + LEASE_MS),
      limit: BATCH,
      maxAttempts: MAX_EMAIL_ATTEMPTS,
    });
    for (const row of rows) {
      const result = await sendOne(db, row, now, options);
      if (result.sent) report.sent++;
      else {
        report.failed++;
        const retryAt = result.retryAt;
        if (retryAt && (!report.nextRetryAt || retryAt < report.nextRetryAt)) report.nextRetryAt = retryAt;
      }
    }
    if (rows.length < BATCH) return report;
  }
}

/** Sends one claimed row; when it failed, when it is due again (none after the last attempt). */
async function sendOne(
  db: Db,
  row: OrderEmail,
  now: () => Date,
  options: SendDueOptions,
): Promise<{ sent: true } | { sent: false; retryAt?: Date }> {
  const log = logger.child({ scope: "mail", orderId: row.orderId, kind: row.kind, emailId: row.id });
  try {
    const order = await findOrder(db, row.orderId);
    if (!order) throw new Error("order not found");
    const lines = await linesOfOrderIn(db, order.id, order.locale);
    const text = orderEmailText(
      row.kind,
      { ...order, lines },
      {
        appUrl: options.appUrl ?? appUrl(),
        storeName: STORE_NAME,
        amountMinor: row.amountMinor,
        // In the language the order was placed in (orders.locale), dated when the move it reports happened.
        locale: order.locale,
        region: storeRegion(),
        at: row.kind === "order_confirmed" ? (order.paidAt ?? row.createdAt) : row.createdAt,
      },
    );
    await (options.send ?? sendEmail)({
      to: order.email,
      ...text,
      kind: row.kind,
      idempotency: { key: `order-email/${row.id}`, createdAt: row.createdAt },
    });
    await markEmailSent(db, row.id, now());
    log.info({ orderReference: order.reference }, "order email sent");
    return { sent: true };
  } catch (error) {
    const retryAt = new Date(now().getTime() + retryDelayMs(row.attempts));
    const last = row.attempts >= MAX_EMAIL_ATTEMPTS;
    // The address stays out of the log; the order id says whose it was.
    log[last ? "error" : "warn"](
      { err: error, attempts: row.attempts, retryAt: last ? undefined : retryAt.toISOString() },
      last ? "order email failed for the last time: left for an operator" : "order email failed: will retry",
    );
    await markEmailFailed(db, row.id, (error as Error).message ?? String(error), retryAt);
    return { sent: false, retryAt: last ? undefined : retryAt };
  }
}
