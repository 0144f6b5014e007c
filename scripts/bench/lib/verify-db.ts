import { count, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders } from "@/db/schema/orders";
import { paymentAttempts, paymentEvents, paymentTransactions, type PaymentAttempt } from "@/db/schema/payments";
import type { LoadResult } from "./load";
import type { Workload } from "./workload";

export type Check = { name: string; ok: boolean; detail: string };

/**
 * What the database must look like after the run, derived from what was actually answered: every order that
 * got an accepted approval is paid, every other order is untouched, one transaction row per paid order, and
 * one event per request the server answered (verified or not), except forgeries refused with 429 once their
 * sender was over its limit of stored unverified callbacks (lib/rate-limit/rules.ts). Nothing lost, nothing doubled.
 */
export async function verifyDatabase(
  db: Db,
  attempts: PaymentAttempt[],
  workload: Workload,
  result: LoadResult,
): Promise<Check[]> {
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });
  const answered = result.samples.filter((s) => s.status !== 0);
  const accepted = new Set(answered.filter((s) => s.kind !== "invalid" && s.status === 200).map((s) => s.target));

  check(
    "every request answered",
    answered.length === result.samples.length && !result.stoppedByDeadline && result.sent === result.planned,
    `${answered.length} answered of ${result.sent} sent, ${result.planned} planned${result.stoppedByDeadline ? " (hard time limit hit)" : ""}`,
  );
  const wrongStatus = answered.filter((s) =>
    s.kind === "invalid" ? s.status !== 401 && s.status !== 429 : s.status !== 200,
  );
  check(
    "statuses: 200 for signed, 401 (or 429 past the rate limit) for forged",
    wrongStatus.length === 0,
    wrongStatus.length === 0
      ? "all as expected"
      : `${wrongStatus.length} unexpected, e.g. ${wrongStatus[0]!.kind}→${wrongStatus[0]!.status}`,
  );

  const rows = await db
    .select({
      attemptId: paymentAttempts.id,
      orderId: orders.id,
      order: orders.status,
      attempt: paymentAttempts.status,
      paidAt: orders.paidAt,
    })
    .from(paymentAttempts)
    .innerJoin(orders, eq(orders.id, paymentAttempts.orderId));
  const byAttempt = new Map(rows.map((r) => [r.attemptId, r]));
  const wrongState = attempts.flatMap((attempt, i) => {
    const row = byAttempt.get(attempt.id);
    const want = accepted.has(i) ? ["paid", "paid"] : ["awaiting_payment", "intended"];
    const got = [row?.order, row?.attempt];
    const paidAtOk = accepted.has(i) ? row?.paidAt instanceof Date : row?.paidAt === null;
    return got[0] === want[0] && got[1] === want[1] && paidAtOk
      ? []
      : [`${attempt.specialReference}: ${got.join("/")} (want ${want.join("/")})`];
  });
  const forgedPaid = [...workload.forgedTargets].filter(
    (i) => byAttempt.get(attempts[i]!.id)?.order !== "awaiting_payment",
  );
  check(
    "orders in the state the callbacks imply",
    wrongState.length === 0,
    `${accepted.size} paid, ${attempts.length - accepted.size} untouched; ${wrongState.length} wrong${wrongState.length ? `, e.g. ${wrongState.slice(0, 3).join("; ")}` : ""}`,
  );
  check(
    "no order paid by a forged callback",
    forgedPaid.length === 0,
    `${workload.forgedTargets.size} orders received only forgeries, ${forgedPaid.length} changed`,
  );

  const perOrder = await db
    .select({ orderId: paymentTransactions.orderId, n: count() })
    .from(paymentTransactions)
    .groupBy(paymentTransactions.orderId);
  const doubled = perOrder.filter((r) => r.n !== 1);
  const orderIdOf = new Map(attempts.map((a, i) => [a.orderId, i]));
  const strays = perOrder.filter((r) => !accepted.has(orderIdOf.get(r.orderId ?? "") ?? -1));
  const total = perOrder.reduce((sum, r) => sum + r.n, 0);
  check(
    "payment_transactions: exactly one per paid order",
    doubled.length === 0 && strays.length === 0 && total === accepted.size,
    `${total} rows for ${accepted.size} paid orders; ${doubled.length} orders with ≠1, ${strays.length} on unpaid orders`,
  );

  const events = await db
    .select({ verification: paymentEvents.verification, outcome: paymentEvents.outcome, n: count() })
    .from(paymentEvents)
    .groupBy(paymentEvents.verification, paymentEvents.outcome);
  const sum = (pred: (e: (typeof events)[number]) => boolean) => events.filter(pred).reduce((acc, e) => acc + e.n, 0);
  const eventsTotal = sum(() => true);
  const validAnswered = answered.filter((s) => s.kind !== "invalid").length;
  const invalidAnswered = answered.filter((s) => s.kind === "invalid" && s.status === 401).length;
  const stored = validAnswered + invalidAnswered;
  check(
    "payment_events = requests stored",
    eventsTotal === stored,
    `${eventsTotal} events for ${stored} stored requests (${answered.length - stored} refused with 429)`,
  );
  check(
    "events: verified / forged / applied / duplicate",
    sum((e) => e.verification === "valid") === validAnswered &&
      sum((e) => e.verification === "invalid") === invalidAnswered &&
      sum((e) => e.outcome === "applied") === accepted.size &&
      sum((e) => e.outcome === "duplicate") === validAnswered - accepted.size,
    events.map((e) => `${e.verification}/${e.outcome}: ${e.n}`).join(", "),
  );
  const [{ orphans } = { orphans: -1 }] = await db
    .select({ orphans: sql<number>`count(*)::int` })
    .from(paymentTransactions)
    .where(
      sql`${paymentTransactions.eventId} is null or not exists (select 1 from ${paymentEvents} e where e.id = ${paymentTransactions.eventId} and e.outcome = 'applied')`,
    );
  check("each transaction row points at its applied event", orphans === 0, `${orphans} without`);
  return checks;
}

export function formatChecks(label: string, checks: Check[]): string {
  return checks.map((c) => `${c.ok ? "PASS" : "FAIL"} [${label}] ${c.name} — ${c.detail}`).join("\n");
}
