import fc from "fast-check";
import { asc, count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/paymob/callback/route";
import type { Db } from "@/db/client";
import { orders } from "@/db/schema/orders";
import { paymentAttempts, paymentEvents, paymentTransactions, type PaymentAttempt } from "@/db/schema/payments";
import { processCallback } from "@/lib/payments";
import { EMULATOR_HMAC_SECRET } from "@/lib/paymob/emulator-credentials";
import { signTransaction } from "@/lib/paymob/hmac";
import { useTestDb } from "../helpers/db";
import { fuzz, fuzzTestTimeout, type FuzzBudget } from "../helpers/fuzz";
import { createOrderWithAttempt, signedTransaction, TEST_HMAC_SECRET, transactionFor } from "../helpers/orders";
import { testDbTarget } from "../helpers/test-db-target";
import { mutatedBodyArb, type MutatedBody } from "../helpers/fuzz-payloads";

// Thousands of generated and mutated callbacks through processCallback and the real route: no throw, never a
// 5xx, nothing accepted without a valid signature, and no order or attempt touched by any rejected request.

const t = useTestDb({ seed: false });
const pglite = testDbTarget() === "pglite";
// Sized by count, bounded in time (helpers/fuzz.ts): PGlite is slower per request than a real server.
const BUDGET: FuzzBudget = { numRuns: pglite ? 600 : 1_000, minRuns: 100, timeLimitMs: 60_000 };
const HALF: FuzzBudget = { ...BUDGET, numRuns: BUDGET.numRuns / 2, minRuns: 50 };

/** Everything a callback may change, as one comparable value. */
async function snapshot(db: Db) {
  const orderRows = await db
    .select({
      id: orders.id,
      status: orders.status,
      refunded: orders.refundedMinor,
      paidAt: orders.paidAt,
      updatedAt: orders.updatedAt,
    })
    .from(orders)
    .orderBy(asc(orders.id));
  const attemptRows = await db
    .select({
      id: paymentAttempts.id,
      status: paymentAttempts.status,
      txn: paymentAttempts.paymobTransactionId,
      intentionOrderId: paymentAttempts.intentionOrderId,
      updatedAt: paymentAttempts.updatedAt,
    })
    .from(paymentAttempts)
    .orderBy(asc(paymentAttempts.id));
  const [transactions] = await db.select({ n: count() }).from(paymentTransactions);
  return { orderRows, attemptRows, transactions: transactions?.n };
}

const eventCount = async (db: Db) => (await db.select({ n: count() }).from(paymentEvents))[0]!.n;

/** A wrong signature in every shape it arrives in: absent, empty, junk, the right length, the original one. */
const wrongHmacArb = (original: string) =>
  fc.oneof(
    fc.constant(null),
    fc.constant(""),
    fc.constant(original), // the original signature, now over mutated fields
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 128, maxLength: 128 }),
    fc.constant(original.toUpperCase().replace(/.$/, (c) => (c === "0" ? "1" : "0"))),
  );

describe.skipIf(t.skipped)(`fuzz: Paymob callbacks on ${testDbTarget()}`, () => {
  let targets: PaymentAttempt[];
  let bases: { type: string; obj: Record<string, unknown> }[];
  beforeAll(async () => {
    // Thousands of expected "rejected"/"malformed" log lines would bury the report; errors still print.
    // Orders in several states, so a mutation that found its order would have something to change.
    const setups = [
      {},
      {},
      { status: "payment_failed" as const, attemptStatus: "declined" as const },
      { intentionOrderId: null },
    ];
    targets = [];
    for (const setup of setups) targets.push((await createOrderWithAttempt(t.db, setup)).attempt);
    bases = targets.map(
      (a) => JSON.parse(signedTransaction(transactionFor(a)).rawBody) as { type: string; obj: Record<string, unknown> },
    );
  });

  const caseArb = () =>
    fc
      .nat({ max: 3 })
      .chain((i) =>
        mutatedBodyArb(bases[i]!).chain((m) =>
          fc.record({ mutation: fc.constant(m), hmac: wrongHmacArb(signTransaction(TEST_HMAC_SECRET, bases[i]!.obj)) }),
        ),
      );

  it(
    "processCallback: any mutated body without a valid signature is refused (4xx), stored, and changes nothing",
    async () => {
      const before = await snapshot(t.db);
      await fuzz(BUDGET, [caseArb()], async ({ mutation, hmac }) => {
        fc.pre(!validlySigned(mutation, hmac, TEST_HMAC_SECRET));
        const events = await eventCount(t.db);
        const result = await processCallback({
          rawBody: mutation.rawBody,
          hmac,
          hmacSecret: TEST_HMAC_SECRET,
          db: t.db,
        });
        expect([400, 401, 413], `${mutation.what} → ${result.status} ${result.body.outcome}`).toContain(result.status);
        expect(result.body.ok).toBe(false);
        // Every refused POST is kept for diagnosis, except oversized ones (never stored, so nobody can fill the table).
        expect((await eventCount(t.db)) - events, mutation.what).toBe(result.status === 413 ? 0 : 1);
      });
      expect(await snapshot(t.db)).toEqual(before);
    },
    fuzzTestTimeout(BUDGET),
  );

  it(
    "processCallback: validly signed mutations never throw or answer 5xx; authentic garbage is stored, not retried forever",
    async () => {
      await fuzz(HALF, [fc.nat({ max: 3 }).chain((i) => mutatedBodyArb(bases[i]!))], async (mutation) => {
        // Signed over whatever the mutation left: what a compromised or buggy sender with the key could produce.
        const hmac = signTransaction(TEST_HMAC_SECRET, mutation.obj ?? {});
        const result = await processCallback({
          rawBody: mutation.rawBody,
          hmac,
          hmacSecret: TEST_HMAC_SECRET,
          db: t.db,
        });
        expect(result.status, `${mutation.what} → ${result.body.outcome}`).toBeLessThan(500);
      });
      // Whatever was applied, the invariants hold: one row per transaction state, money states consistent.
      const perState = await t.db
        .select({ txn: paymentTransactions.paymobTransactionId, fp: paymentTransactions.fingerprint, n: count() })
        .from(paymentTransactions)
        .groupBy(paymentTransactions.paymobTransactionId, paymentTransactions.fingerprint);
      expect(perState.filter((r) => r.n !== 1)).toEqual([]);
      for (const order of await t.db.select().from(orders)) {
        expect(order.refundedMinor).toBeGreaterThanOrEqual(0);
        expect(order.paidAt === null).toBe(order.status === "awaiting_payment" || order.status === "payment_failed");
      }
    },
    fuzzTestTimeout(HALF),
  );

  it(
    "the real route (POST with a Request): same guarantees, plus oversized and lying bodies",
    async () => {
      const routeBases = targets.map(
        (a) =>
          JSON.parse(signedTransaction(transactionFor(a), EMULATOR_HMAC_SECRET).rawBody) as {
            type: string;
            obj: Record<string, unknown>;
          },
      );
      const before = await snapshot(t.db);
      const bodyShape = fc.constantFrom("exact", "stream", "lying-length");
      const routeCaseArb = fc.nat({ max: 3 }).chain((i) =>
        mutatedBodyArb(routeBases[i]!).chain((m) =>
          fc.record({
            mutation: fc.constant(m),
            hmac: wrongHmacArb(signTransaction(EMULATOR_HMAC_SECRET, routeBases[i]!.obj)),
            shape: bodyShape,
            query: fc.string({ maxLength: 20 }),
          }),
        ),
      );
      await fuzz(BUDGET, [routeCaseArb], async ({ mutation, hmac, shape, query }) => {
        fc.pre(!validlySigned(mutation, hmac, EMULATOR_HMAC_SECRET));
        const url = new URL("http://127.0.0.1/api/paymob/callback");
        url.searchParams.set("junk", query);
        if (hmac !== null) url.searchParams.set("hmac", hmac);
        const response = await POST(requestFor(url, mutation.rawBody, shape));
        // 429: this one test sender is past its allowance of stored unverified callbacks (lib/rate-limit/rules.ts).
        expect([400, 401, 413, 429], `${mutation.what} (${shape})`).toContain(response.status);
        const body = (await response.json()) as { ok: boolean };
        expect(body.ok).toBe(false);
      });
      expect(await snapshot(t.db)).toEqual(before);
    },
    fuzzTestTimeout(BUDGET),
  );

  it("regressions found by fuzzing: NUL bytes, lone surrogates and out-of-range numbers are answered, not 503", async () => {
    const [attempt] = targets;
    const base = bases[0]!;
    const signedWith = (
      edit: (obj: Record<string, unknown> & { order: Record<string, unknown>; data: Record<string, unknown> }) => void,
    ) => {
      const body = structuredClone(base) as unknown as {
        obj: Record<string, unknown> & { order: Record<string, unknown>; data: Record<string, unknown> };
      };
      edit(body.obj);
      return { rawBody: JSON.stringify(body), hmac: signTransaction(TEST_HMAC_SECRET, body.obj) };
    };
    const cases: { what: string; rawBody: string; hmac: string | null }[] = [
      { what: "raw NUL before the JSON", rawBody: `\0${JSON.stringify(base)}`, hmac: null },
      { what: "NUL in the hmac parameter", rawBody: JSON.stringify(base), hmac: "\0" },
      {
        what: "signed NUL in merchant_order_id",
        ...signedWith((o) => (o.order.merchant_order_id = `${attempt!.specialReference}\0`)),
      },
      { what: "signed lone surrogate in data.message", ...signedWith((o) => (o.data.message = "Approved \ud800")) },
      { what: "signed NUL in currency", ...signedWith((o) => (o.currency = "EG\0P")) },
      { what: "signed amount beyond int4", ...signedWith((o) => (o.amount_cents = 2 ** 31)) },
      { what: "signed negative amount", ...signedWith((o) => (o.amount_cents = -1)) },
    ];
    for (const c of cases) {
      const result = await processCallback({
        rawBody: c.rawBody,
        hmac: c.hmac,
        hmacSecret: TEST_HMAC_SECRET,
        db: t.db,
      });
      expect(result.status, `${c.what} → ${result.body.outcome}`).toBeLessThan(500);
    }
  });

  it("control: the unmutated, validly signed callbacks are accepted through the route (the fuzz cases above could pass)", async () => {
    for (const attempt of targets.slice(0, 2)) {
      const signed = signedTransaction(transactionFor(attempt), EMULATOR_HMAC_SECRET);
      const response = await POST(
        requestFor(new URL(`http://127.0.0.1/api/paymob/callback?hmac=${signed.hmac}`), signed.rawBody, "exact"),
      );
      expect(response.status).toBe(200);
    }
  });
});

/**
 * Whether the signature happens to verify for what the server will read (a mutation that kept every signed
 * value): the oracle that tells "must be refused" from "may be accepted". Over HTTP the body is UTF-8.
 */
function validlySigned(mutation: MutatedBody, hmac: string | null, secret: string): boolean {
  if (hmac === null) return false;
  try {
    const received = new TextDecoder().decode(new TextEncoder().encode(mutation.rawBody));
    const parsed = JSON.parse(received) as { type?: unknown; obj?: unknown };
    return parsed.type === "TRANSACTION" && hmac.trim().toLowerCase() === signTransaction(secret, parsed.obj);
  } catch {
    return false;
  }
}

function requestFor(url: URL, rawBody: string, shape: string): Request {
  const bytes = new TextEncoder().encode(rawBody);
  if (shape === "exact")
    return new Request(url, { method: "POST", body: bytes, headers: { "content-type": "application/json" } });
  // Chunked, without a Content-Length (the route must cut it off itself), or with one that lies.
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 4_096) controller.enqueue(bytes.slice(at, at + 4_096));
      controller.close();
    },
  });
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (shape === "lying-length") headers["content-length"] = "10";
  return new Request(url, { method: "POST", body: stream, headers, duplex: "half" } as RequestInit);
}
