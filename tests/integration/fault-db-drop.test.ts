import { eq } from "drizzle-orm";
import type { Logger } from "drizzle-orm/logger";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDb, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { paymentEvents } from "@/db/schema/payments";
import { processCallback } from "@/lib/payments";
import { useTestDb } from "../helpers/db";
import {
  createOrderWithAttempt,
  loadOrderState,
  signedTransaction,
  TEST_HMAC_SECRET,
  transactionFor,
} from "../helpers/orders";
import { testDbTarget } from "../helpers/test-db-target";

// The database connection dies in the middle of a callback, at every statement in turn: the callback must
// answer 5xx (so Paymob retries), leave nothing half-written, and Paymob's retry must end in the right state.

const t = useTestDb({ seed: false });
const target = testDbTarget();

type Fault = { seen: number; failAt: number; texts: string[] };
/** `checkedOut`: connections a pool has lent and not got back (a leak shows here, without waiting for a hang). */
type Faulty = { db: Db; fault: Fault; checkedOut?: () => number; close: () => Promise<void> };

/**
 * Simulated drop on every driver: statement `failAt` throws like a lost connection before it is sent.
 * (Thrown above the driver, so on a pool it cannot stand for a loss during BEGIN: a live connection would stay
 * checked out. The pg_terminate_backend mode below covers BEGIN with a real loss.)
 */
async function throwingDb(): Promise<Faulty> {
  const fault: Fault = { seen: 0, failAt: Number.POSITIVE_INFINITY, texts: [] };
  const logger: Logger = {
    logQuery(query) {
      fault.seen += 1;
      fault.texts.push(query);
      if (fault.seen === fault.failAt) throw new Error("Connection terminated unexpectedly (injected)");
    },
  };
  const client = (t.db as unknown as { $client: unknown }).$client;
  const { drizzle } =
    target === "pglite"
      ? await import("drizzle-orm/pglite")
      : target === "pg"
        ? await import("drizzle-orm/node-postgres")
        : await import("drizzle-orm/neon-serverless");
  const db = (drizzle as (config: { client: unknown; schema: typeof schema; logger: Logger }) => unknown)({
    client,
    schema,
    logger,
  }) as Db;
  return { db, fault, close: async () => {} };
}

/**
 * A real drop (PostgreSQL only), on a pool opened by the app's own openDb: before statement `failAt` is sent,
 * another connection kills this one's backend with pg_terminate_backend, and we wait until the client noticed.
 */
async function terminatingDb(): Promise<Faulty> {
  const fault: Fault = { seen: 0, failAt: Number.POSITIVE_INFINITY, texts: [] };
  const { connectionString } = (t.db as unknown as { $client: pg.Pool }).$client.options;
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  // Small on purpose: a connection leaked by a failure would exhaust it and hang the next callback.
  const handle = await openDb({ driver: "pg", url: connectionString!, poolMax: 2 });
  const pool = (handle.db as unknown as { $client: pg.Pool }).$client;
  pool.on("connect", (client) => {
    client.on("error", () => {}); // the kill also surfaces as an error event on the checked-out client
    const send = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = async (...args: unknown[]) => {
      fault.seen += 1;
      if (fault.seen === fault.failAt) {
        const dead = new Promise<void>((resolve) => client.once("end", () => resolve()));
        await admin.query("select pg_terminate_backend($1)", [(client as unknown as { processID: number }).processID]);
        await dead; // the statement below then really goes to a lost connection, however slow the machine
      }
      return send(...args);
    };
  });
  const close = async () => {
    // pool.end() waits for every lent connection: after a leak (which the test reports) it would never return.
    if (pool.totalCount - pool.idleCount === 0) await handle.close();
    else void handle.close();
    await admin.end();
  };
  return { db: handle.db, fault, checkedOut: () => pool.totalCount - pool.idleCount, close };
}

const deliver = (db: Db, attempt: Parameters<typeof transactionFor>[0]) =>
  processCallback({ ...signedTransaction(transactionFor(attempt)), hmacSecret: TEST_HMAC_SECRET, db });

const modes = [
  { name: "driver error", open: throwingDb, coversBegin: target === "pglite" },
  ...(target === "pg" ? [{ name: "pg_terminate_backend", open: terminatingDb, coversBegin: true }] : []),
];

describe.skipIf(t.skipped).each(modes)(
  `DB connection lost mid-callback ($name) on ${target}`,
  ({ open, coversBegin }) => {
    let faulty: Faulty;
    let statements: number;
    let sendsBegin = false;
    beforeAll(async () => {
      faulty = await open();
      // How many statements an applied callback takes on this driver (BEGIN/COMMIT included where the driver
      // sends them as statements): every one of them is a point where the connection can go.
      const { attempt } = await createOrderWithAttempt(t.db);
      const before = faulty.fault.seen;
      faulty.fault.texts = [];
      const probe = await processCallback({
        ...signedTransaction(transactionFor(attempt)),
        hmacSecret: TEST_HMAC_SECRET,
        db: faulty.db,
      });
      expect(probe.body.outcome).toBe("applied");
      statements = faulty.fault.seen - before;
      // At least the lock, the order context and the record; PGlite runs BEGIN/COMMIT outside the counted path.
      expect(statements).toBeGreaterThanOrEqual(target === "pglite" ? 3 : 5);
      sendsBegin = /^begin/i.test(faulty.fault.texts[0] ?? "");
    });
    afterAll(async () => {
      await faulty?.close();
      vi.restoreAllMocks();
    });

    it("at every statement: 503, nothing written, and the retry applies exactly once", async () => {
      for (let k = sendsBegin && !coversBegin ? 2 : 1; k <= statements; k++) {
        const { order, attempt } = await createOrderWithAttempt(t.db);
        const obj = transactionFor(attempt);
        const signed = signedTransaction(obj);
        faulty.fault.failAt = faulty.fault.seen + k;
        const failed = await processCallback({ ...signed, hmacSecret: TEST_HMAC_SECRET, db: faulty.db });
        expect(failed, `connection lost at statement ${k} of ${statements}`).toEqual({
          status: 503,
          body: { ok: false, outcome: "error" },
        });

        let state = await loadOrderState(t.db, order.id);
        expect([state.order.status, state.attempt(attempt.id)?.status, state.order.paidAt], `statement ${k}`).toEqual([
          "awaiting_payment",
          "intended",
          null,
        ]);
        expect(state.transactions, `statement ${k}`).toHaveLength(0);
        expect(
          await t.db.select().from(paymentEvents).where(eq(paymentEvents.paymobTransactionId, obj.id)),
          `statement ${k}`,
        ).toHaveLength(0);

        // Paymob's retry: the identical delivery, through the same (recovered) pool.
        const retried = await processCallback({ ...signed, hmacSecret: TEST_HMAC_SECRET, db: faulty.db });
        expect(retried, `retry after a loss at statement ${k}`).toEqual({
          status: 200,
          body: { ok: true, outcome: "applied" },
        });
        state = await loadOrderState(t.db, order.id);
        expect([state.order.status, state.attempt(attempt.id)?.status]).toEqual(["paid", "paid"]);
        expect(state.transactions).toHaveLength(1);
        expect(state.events.map((e) => e.outcome)).toEqual(["applied"]);
      }
    });

    it.runIf(coversBegin)(
      "repeated losses do not leak connections: the pool still serves the next callback",
      async () => {
        // More failures than the terminating pool has connections, each at the first statement (BEGIN on pg).
        for (let i = 0; i < 4; i++) {
          const { attempt } = await createOrderWithAttempt(t.db);
          faulty.fault.failAt = faulty.fault.seen + 1;
          expect(await deliver(faulty.db, attempt), `loss #${i + 1} at the first statement`).toEqual({
            status: 503,
            body: { ok: false, outcome: "error" },
          });
          // Every connection lent for that callback came back (or was dropped): none is left checked out.
          if (faulty.checkedOut) expect(faulty.checkedOut(), `after loss #${i + 1}`).toBe(0);
        }
        const { order, attempt } = await createOrderWithAttempt(t.db);
        expect(await deliver(faulty.db, attempt)).toEqual({ status: 200, body: { ok: true, outcome: "applied" } });
        expect((await loadOrderState(t.db, order.id)).order.status).toBe("paid");
      },
    );
  },
);
