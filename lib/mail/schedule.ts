import "server-only";
import { after } from "next/server";
import { getDb, type Db } from "@/db/client";
import { logger } from "@/lib/logger";
import { sendDueOrderEmails } from "./order-emails";

// When the order-email outbox is emptied. The payment's transaction has committed and its answer (the callback's
// 200, the page) goes out first: Next's after() runs the send once the response is finished, so mail never
// slows a callback down nor fails it. Rows a send left behind (a failure, a crash, an instance stopped mid-send)
// are picked up by the next send of any order, and by a long-running server's sweep.

/** Queues a send of everything due after the current response. Outside a request (tests, scripts) it does nothing. */
export function scheduleOrderEmails(db: Db): void {
  try {
    after(() => drain(db));
  } catch {
    // after() throws outside a request scope; there the caller (a test) or the sweep sends.
  }
}

async function drain(db: Db): Promise<void> {
  try {
    await sendDueOrderEmails(db);
  } catch (error) {
    logger.error({ scope: "mail", err: error }, "could not send order emails: they stay due and are retried");
  }
}

const SWEEP_MS = 60_000;

/**
 * A server that keeps running (`npm start`, a container) sends what is still due once a minute: retries after a
 * failure, and rows a crash left between the commit and the send. A serverless deployment has no such process;
 * there the next order's send retries them.
 */
export function startOrderEmailSweep(env: Record<string, string | undefined> = process.env): void {
  if (env.VERCEL || env.VITEST) return;
  const timer = setInterval(() => void getDb().then(drain, () => undefined), SWEEP_MS);
  timer.unref();
}
