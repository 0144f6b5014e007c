import { createHash, randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/paymob/callback/route";
import type { Db } from "@/db/client";
import { paymentEvents } from "@/db/schema/payments";
import { processCallback } from "@/lib/payments";
import { EMULATOR_HMAC_SECRET } from "@/lib/paymob/emulator-credentials";
import { UNVERIFIED_CALLBACKS_IN_TOTAL, UNVERIFIED_CALLBACKS_PER_CLIENT } from "@/lib/rate-limit/rules";
import { useTestDb } from "../helpers/db";
import {
  createOrderWithAttempt,
  eventsForTransaction,
  loadOrderState,
  nextId,
  signedTransaction,
  transactionFor,
} from "../helpers/orders";
import { testDbTarget } from "../helpers/test-db-target";

// Unsigned and malformed callbacks (anyone can POST them) are kept as an excerpt and rate-limited per sender;
// Paymob's verified callbacks are kept whole and never limited. Date is frozen so no rate-limit window can roll
// over inside a test.

const t = useTestDb({ seed: false });
const KIB = 1024;

beforeAll(() => {
  // No PAYMOB_* keys: the route verifies with the built-in emulator's secret. Addresses: the last X-Forwarded-For entry.
  for (const name of [
    "PAYMOB_SECRET_KEY",
    "PAYMOB_PUBLIC_KEY",
    "PAYMOB_HMAC_SECRET",
    "PAYMOB_API_KEY",
    "PAYMOB_PAYMENT_METHODS",
    "PAYMOB_BASE_URL",
    "PAYMOB_REGION",
    "TRUSTED_PROXY",
    "VERCEL",
  ]) {
    vi.stubEnv(name, undefined);
  }
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2031-05-05T10:00:01.000Z"));
});

afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

let addressSeq = 0;
/** A sender address no other test uses. */
const newAddress = () => `198.18.${Math.floor(++addressSeq / 250)}.${addressSeq % 250}`;

function post(rawBody: string, hmac: string | null, from: string): Promise<Response> {
  const query = hmac === null ? "" : `?hmac=${encodeURIComponent(hmac)}`;
  const headers = { "content-type": "application/json", "x-forwarded-for": from };
  return POST(new Request(`http://localhost/api/paymob/callback${query}`, { method: "POST", body: rawBody, headers }));
}

/** The body with random, incompressible padding after everything Paymob sends, to exactly `bytes`. */
function padded(rawBody: string, bytes = 64 * KIB): string {
  const envelope = JSON.parse(rawBody) as Record<string, unknown>;
  envelope.padding = "";
  const room = bytes - Buffer.byteLength(JSON.stringify(envelope));
  envelope.padding = randomBytes(Math.ceil((room * 3) / 4) + 3)
    .toString("base64")
    .slice(0, room);
  const text = JSON.stringify(envelope);
  expect(Buffer.byteLength(text)).toBe(bytes);
  return text;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const FORGED_HMAC = "0".repeat(128);

async function tableBytes(db: Db): Promise<number> {
  const result = (await db.execute(sql`select pg_total_relation_size('payment_events') as n`)) as unknown as {
    rows: { n: string | number }[];
  };
  return Number(result.rows[0]!.n);
}

async function eventCount(db: Db): Promise<number> {
  const result = (await db.execute(sql`select count(*)::int as n from payment_events`)) as unknown as {
    rows: { n: number }[];
  };
  return Number(result.rows[0]!.n);
}

describe.skipIf(t.skipped)(`unverified callbacks on ${testDbTarget()}`, () => {
  it("a forged 64 KiB callback keeps its first 2 KiB, the hash and size of all of it, the ids it names and the signature sent", async () => {
    const { attempt } = await createOrderWithAttempt(t.db);
    const obj = transactionFor(attempt);
    const rawBody = padded(signedTransaction(obj, EMULATOR_HMAC_SECRET).rawBody);
    const response = await post(rawBody, FORGED_HMAC, newAddress());
    expect(response.status).toBe(401);

    const [event] = await eventsForTransaction(t.db, obj.id);
    expect(event).toMatchObject({
      verification: "invalid",
      outcome: "rejected_signature",
      rawBody: rawBody.slice(0, 2 * KIB),
      bodySha256: sha256(rawBody),
      bodyBytes: 64 * KIB,
      bodyTruncated: true,
      signature: FORGED_HMAC,
      paymobTransactionId: obj.id,
      paymobOrderId: attempt.intentionOrderId,
      merchantOrderId: attempt.specialReference,
      orderId: null,
    });
  });

  it("a malformed one too: the ids come from whatever parses, and a huge signature is cut", async () => {
    const id = 700_000_000 + nextId();
    const rawBody = padded(
      JSON.stringify({ type: "TRANSACTION", obj: { id, order: { id: 42, merchant_order_id: "NC-CLAIMED-1" } } }),
    );
    const response = await post(rawBody, "f".repeat(4000), newAddress());
    expect(response.status).toBe(400);
    const [event] = await eventsForTransaction(t.db, id);
    expect(event).toMatchObject({
      outcome: "malformed",
      bodyBytes: 64 * KIB,
      bodyTruncated: true,
      paymobOrderId: 42,
      merchantOrderId: "NC-CLAIMED-1",
    });
    expect(event!.rawBody).toHaveLength(2 * KIB);
    expect(event!.signature).toHaveLength(256);
  });

  it("a verified callback is kept whole, however large", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    const obj = transactionFor(attempt);
    const signed = signedTransaction(obj, EMULATOR_HMAC_SECRET);
    const rawBody = padded(signed.rawBody);
    expect((await post(rawBody, signed.hmac, newAddress())).status).toBe(200);
    expect((await loadOrderState(t.db, order.id)).order.status).toBe("paid");
    const [event] = await eventsForTransaction(t.db, obj.id);
    expect(event).toMatchObject({ verification: "valid", outcome: "applied", rawBody, bodyTruncated: false });
  });

  it(`past ${UNVERIFIED_CALLBACKS_PER_CLIENT.limit} unverified callbacks per address in 10 minutes: 429 and nothing stored, while Paymob's signed ones still apply`, async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    const sender = newAddress();
    const forged = () => signedTransaction(transactionFor(attempt), "not the secret");
    const before = await eventCount(t.db);
    for (let i = 0; i < UNVERIFIED_CALLBACKS_PER_CLIENT.limit; i++)
      expect((await post(forged().rawBody, forged().hmac, sender)).status).toBe(401);
    expect(await eventCount(t.db)).toBe(before + UNVERIFIED_CALLBACKS_PER_CLIENT.limit);

    const limited = await post(forged().rawBody, forged().hmac, sender);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("599");
    expect(await limited.json()).toEqual({ ok: false, outcome: "rate_limited" });
    expect((await post("not json", null, sender)).status).toBe(429);
    // Prepending addresses does not make a new sender: the proxy's entry is the last one.
    expect((await post(forged().rawBody, forged().hmac, `203.0.113.1, ${sender}`)).status).toBe(429);
    expect(await eventCount(t.db)).toBe(before + UNVERIFIED_CALLBACKS_PER_CLIENT.limit);

    // Another address is still heard, and a verified callback from the limited one is applied as always.
    expect((await post(forged().rawBody, forged().hmac, newAddress())).status).toBe(401);
    const real = signedTransaction(transactionFor(attempt), EMULATOR_HMAC_SECRET);
    expect((await post(real.rawBody, real.hmac, sender)).status).toBe(200);
    expect((await loadOrderState(t.db, order.id)).order.status).toBe("paid");
  });

  it(`from all addresses together, at most ${UNVERIFIED_CALLBACKS_IN_TOTAL.limit} are stored per 10 minutes`, async () => {
    // A window of its own, so the earlier tests' callbacks do not count.
    const clock = () => new Date("2032-01-01T00:00:01.000Z");
    const before = await eventCount(t.db);
    const statuses: number[] = [];
    for (let i = 0; i <= UNVERIFIED_CALLBACKS_IN_TOTAL.limit; i++) {
      const result = await processCallback({
        rawBody: "{}",
        hmac: null,
        hmacSecret: EMULATOR_HMAC_SECRET,
        db: t.db,
        sender: { client: newAddress(), clock },
      });
      statuses.push(result.status);
    }
    expect(statuses.filter((s) => s === 400)).toHaveLength(UNVERIFIED_CALLBACKS_IN_TOTAL.limit);
    expect(statuses.at(-1)).toBe(429);
    expect(await eventCount(t.db)).toBe(before + UNVERIFIED_CALLBACKS_IN_TOTAL.limit);
  });

  it(
    "payment_events growth per 1,000 forged 64 KiB posts: before, after (one sender), after (every one stored)",
    { timeout: 300_000 },
    async () => {
      // A later window than every test above (one counter per key: an older window counts towards the newest).
      vi.setSystemTime(new Date("2033-01-01T00:00:01.000Z"));
      const { attempt } = await createOrderWithAttempt(t.db);
      const forgedBodies = (n: number) =>
        Array.from({ length: n }, () => padded(signedTransaction(transactionFor(attempt), "not the secret").rawBody));
      const growth = async (run: () => Promise<void>) => {
        const start = await tableBytes(t.db);
        await run();
        return (await tableBytes(t.db)) - start;
      };

      // Before: what the previous code stored for each of them, the whole body as received.
      const verbatim = await growth(async () => {
        for (const rawBody of forgedBodies(1000)) {
          await t.db.insert(paymentEvents).values({
            kind: "TRANSACTION",
            verification: "invalid",
            rawBody,
            signature: FORGED_HMAC,
            outcome: "rejected_signature",
            detail: "signature invalid",
          });
        }
      });
      await t.db.delete(paymentEvents).where(eq(paymentEvents.detail, "signature invalid"));

      // After, through the route from one address: 20 excerpts, then 980 answers of 429.
      const sender = newAddress();
      const statuses = new Map<number, number>();
      const oneSender = await growth(async () => {
        for (const rawBody of forgedBodies(1000)) {
          const { status } = await post(rawBody, FORGED_HMAC, sender);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      });
      expect(Object.fromEntries(statuses)).toEqual({
        401: UNVERIFIED_CALLBACKS_PER_CLIENT.limit,
        429: 1000 - UNVERIFIED_CALLBACKS_PER_CLIENT.limit,
      });

      // After, if every one were stored (no sender: no rate limit): what 1,000 excerpts cost.
      const allStored = await growth(async () => {
        for (const rawBody of forgedBodies(1000))
          await processCallback({ rawBody, hmac: FORGED_HMAC, hmacSecret: EMULATOR_HMAC_SECRET, db: t.db });
      });

      const mb = (bytes: number) => (bytes < 1e6 ? `${Math.round(bytes / 1e3)} kB` : `${(bytes / 1e6).toFixed(1)} MB`);
      console.log(
        `[growth] payment_events per 1,000 forged 64 KiB posts on ${testDbTarget()}: before ${mb(verbatim)}; ` +
          `after, one sender ${mb(oneSender)}; after, all 1,000 stored as excerpts ${mb(allStored)}`,
      );
      expect(verbatim).toBeGreaterThan(60e6);
      expect(allStored).toBeLessThan(verbatim / 15);
      expect(oneSender).toBeLessThan(0.5e6);
    },
  );
});
