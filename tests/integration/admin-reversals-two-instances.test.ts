import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { createInterface } from "node:readline";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { PaymentAttempt } from "@/db/schema/payments";
import { paymentReversals } from "@/db/schema/reversals";
import { useTestDb } from "../helpers/db";
import { listenOnLoopback } from "../helpers/loopback-server";
import { nextId, transactionFor } from "../helpers/orders";
import { authorisedOrder, paidOrder } from "../helpers/reversals";
import { testDbTarget } from "../helpers/test-db-target";

// Two app instances on one PostgreSQL: two OS processes, each with its own connection pool, each firing
// concurrent refunds (or captures and voids of an authorisation) of the same orders at one fake Paymob, which
// counts what it is asked to do.
// An in-memory guard cannot see the other process; the reservation in the database must.
// PGlite is an in-process database (one app instance by construction), so this runs on pg and neon only.

const t = useTestDb({ seed: false });
const target = testDbTarget();
const INSTANCE = path.join(import.meta.dirname, "../helpers/refund-instance.ts");
const SERVER_ONLY_STUB = path.join(import.meta.dirname, "../helpers/server-only-stub.mjs");

type PaymobCall = { path: string; transactionId: number; amountCents?: number };

const CHILD_FLAGS: Record<string, object> = {
  "/api/acceptance/void_refund/refund": { is_refund: true },
  "/api/acceptance/void_refund/void": { is_void: true },
  "/api/acceptance/capture": { is_capture: true },
};

/** Paymob's refund, void and capture APIs: each answers with an approved child transaction, and records the call. */
async function startFakePaymob(attemptsByTransaction: Map<number, PaymentAttempt>) {
  const calls: PaymobCall[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
      transaction_id: number;
      amount_cents?: number;
    };
    const attempt = attemptsByTransaction.get(body.transaction_id);
    const flags = CHILD_FLAGS[req.url ?? ""];
    if (!flags || !attempt) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ detail: "Not found." }));
      return;
    }
    calls.push({ path: req.url!, transactionId: body.transaction_id, amountCents: body.amount_cents });
    const amount = body.amount_cents ?? attempt.amountMinor;
    const child = transactionFor(attempt, {
      id: nextId(),
      has_parent_transaction: true,
      parent_transaction: body.transaction_id,
      amount_cents: amount,
      ...flags,
    });
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(child));
  });
  const { origin, close } = await listenOnLoopback(server);
  return { url: origin, calls, close };
}

type Instance = { child: ChildProcess; ready: Promise<void>; done: Promise<{ statuses: string[] }> };

function startInstance(config: object): Instance {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", SERVER_ONLY_STUB, INSTANCE], {
    cwd: path.join(import.meta.dirname, "../.."),
    env: { ...process.env, INSTANCE_CONFIG: JSON.stringify(config), ADMIN_EMAILS: "admin@example.com" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  let result: { statuses: string[] } | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    lines.on("line", (line) => {
      if (line === "ready") resolve();
      else if (line.startsWith("{")) result = JSON.parse(line) as { statuses: string[] };
    });
    child.once("exit", (code) => reject(new Error(`instance exited (${code}) before it was ready: ${stderr}`)));
  });
  const done = new Promise<{ statuses: string[] }>((resolve, reject) => {
    child.once("exit", (code) =>
      code === 0 && result ? resolve(result) : reject(new Error(`instance exited with ${code}: ${stderr}`)),
    );
  });
  ready.catch(() => {}); // reported through `done` when it matters
  return { child, ready, done };
}

describe.skipIf(t.skipped || target === "pglite")(`two app instances on one ${target} database`, () => {
  const instances: Instance[] = [];
  let paymob: Awaited<ReturnType<typeof startFakePaymob>> | undefined;

  beforeAll(() => {});
  afterAll(async () => {
    for (const { child } of instances) if (child.exitCode === null) child.kill();
    await paymob?.close();
    vi.restoreAllMocks();
  });

  it("concurrent refunds from both never ask Paymob for more than was captured", { timeout: 180_000 }, async () => {
    const full = await paidOrder(t.db, 35_000);
    const partial = await paidOrder(t.db, 35_000);
    paymob = await startFakePaymob(new Map([full, partial].map((p) => [p.sale.id, p.attempt])));
    const requests = [
      // Full refunds: exactly one may go through.
      ...Array.from({ length: 4 }, () => ({
        action: "refund",
        reference: full.order.reference,
        attemptId: full.attempt.id,
        amount: "350.00",
      })),
      // 50.00 refunds of 350.00: exactly seven fit.
      ...Array.from({ length: 6 }, () => ({
        action: "refund",
        reference: partial.order.reference,
        attemptId: partial.attempt.id,
        amount: "50.00",
      })),
    ];
    const config = {
      driver: target,
      url: t.url,
      wsProxy: target === "neon" ? inject("neonWsProxy") : undefined,
      paymobUrl: paymob.url,
      requests,
    };
    instances.push(startInstance(config), startInstance(config));
    await Promise.all(instances.map((i) => i.ready));
    for (const { child } of instances) child.stdin!.end("go\n");
    const results = await Promise.all(instances.map((i) => i.done));

    const statuses = results.flatMap((r) => r.statuses);
    expect(new Set(statuses)).toEqual(new Set(["requested", "invalid"]));
    const sent = (sale: number) => paymob!.calls.filter((c) => c.transactionId === sale);
    const total = (sale: number) => sent(sale).reduce((sum, c) => sum + (c.amountCents ?? 0), 0);
    expect(sent(full.sale.id)).toEqual([
      { path: "/api/acceptance/void_refund/refund", transactionId: full.sale.id, amountCents: 35_000 },
    ]);
    expect(sent(partial.sale.id)).toHaveLength(7);
    expect(total(partial.sale.id)).toBe(35_000);
    expect(statuses.filter((s) => s === "requested")).toHaveLength(8);

    // Each call Paymob answered is one pending reservation naming Paymob's child transaction.
    const rows = await t.db.select().from(paymentReversals).where(eq(paymentReversals.orderId, partial.order.id));
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.status === "pending" && r.childTransactionId !== null)).toBe(true);
  });

  it(
    "concurrent captures and voids of one authorisation from both reach Paymob once",
    { timeout: 180_000 },
    async () => {
      const held = await authorisedOrder(t.db, 35_000);
      const fake = await startFakePaymob(new Map([[held.auth.id, held.attempt]]));
      try {
        const form = {
          reference: held.order.reference,
          attemptId: held.attempt.id,
          transactionId: String(held.auth.id),
        };
        const requests = Array.from({ length: 4 }, (_, i) => ({
          action: i === 3 ? "void_authorisation" : "capture",
          ...form,
        }));
        const config = {
          driver: target,
          url: t.url,
          wsProxy: target === "neon" ? inject("neonWsProxy") : undefined,
          paymobUrl: fake.url,
          requests,
        };
        const pair = [startInstance(config), startInstance(config)];
        instances.push(...pair);
        await Promise.all(pair.map((i) => i.ready));
        for (const { child } of pair) child.stdin!.end("go\n");
        const statuses = (await Promise.all(pair.map((i) => i.done))).flatMap((r) => r.statuses);

        expect(statuses.filter((s) => s === "requested")).toHaveLength(1);
        expect(fake.calls).toHaveLength(1);
        const rows = await t.db.select().from(paymentReversals).where(eq(paymentReversals.orderId, held.order.id));
        expect(rows).toMatchObject([
          { paymobTransactionId: held.auth.id, status: "pending", childTransactionId: expect.any(Number) },
        ]);
      } finally {
        await fake.close();
      }
    },
  );
});
