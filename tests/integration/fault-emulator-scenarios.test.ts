import http from "node:http";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/paymob/callback/route";
import { orders, type Order } from "@/db/schema/orders";
import { products } from "@/db/schema/catalog";
import { paymentAttempts, paymentEvents, paymentTransactions, type PaymentAttempt } from "@/db/schema/payments";
import type { PaymentDeps } from "@/lib/checkout/payment-deps";
import { INQUIRY_GRACE_MS, reconcileStaleAttempt } from "@/lib/checkout/return/reconcile";
import { startCheckout } from "@/lib/checkout/start/start-checkout";
import { paymentUrls } from "@/lib/app-url";
import { loadPaymobConfig } from "@/lib/paymob/config";
import type { FetchImpl } from "@/lib/paymob/http";
import { useTestDb } from "../helpers/db";
import { payByCard, startEmulatorServer, type CreatedIntention, type EmulatorServer } from "../helpers/emulator-server";
import { listenOnLoopback, type LoopbackServer } from "../helpers/loopback-server";
import { testDbTarget } from "../helpers/test-db-target";
import { cartWith, submission, visitor } from "./checkout-fixtures";

// 100 real checkouts against the emulator over HTTP, its callbacks going to the app's real callback route:
// normal, declined, duplicated, delayed, out-of-order and missing callbacks. Every order must end in the
// state its payment implies; the missing ones through the return page's inquiry (reconcileStaleAttempt).
// Delays, duplicates and retries run on the emulator's fake clock (helpers/emulator-server.ts), and every
// wait is for an event, so the outcome is the same on an idle laptop and on a CPU shared with other builds.

const t = useTestDb();
const ORDERS = 100;
const BATCH = 10;

type Scenario = "none" | "declined" | "duplicate" | "delayed" | "out_of_order" | "missing";
const SCENARIOS: Scenario[] = ["none", "declined", "duplicate", "delayed", "out_of_order", "missing"];
const CARD: Record<Scenario, string> = {
  none: "5123456789012346",
  declined: "4000000000000002",
  duplicate: "4000000000000200",
  delayed: "5123456789012346", // delayed through the control endpoint, by 1 s
  out_of_order: "4000000000000408",
  missing: "4000000000000507",
};

/** The app's callback route on 127.0.0.1, as `next start` would serve it: node request → Web Request → POST. */
async function startCallbackApp(): Promise<LoopbackServer> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== "POST" || !req.url?.startsWith("/api/paymob/callback")) {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
    const response = await POST(
      new Request(`http://${req.headers.host}${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) }),
    );
    res.writeHead(response.status, { "content-type": "application/json" });
    res.end(await response.text());
  });
  return listenOnLoopback(server);
}

/**
 * The app's Paymob client without its 15 s deadline. This test is about end states, not latency: on a CPU
 * shared with other work, the emulator (in this same process, on one embedded database) can take longer than
 * that to answer ten checkouts at once, and a timed-out intention would fail the test for a reason it does
 * not test. The deadline itself is covered in tests/unit/paymob-errors.test.ts.
 */
const withoutDeadline: FetchImpl = (input, init) => fetch(input, { ...init, signal: undefined });

/** Generous on purpose: the work is bounded by count, and a loaded machine may be many times slower. */
const SLOW_TEST_MS = 600_000;

type Placed = { scenario: Scenario; order: Order; attempt: PaymentAttempt };

describe.skipIf(t.skipped)(`emulator failure scenarios across ${ORDERS} orders on ${testDbTarget()}`, () => {
  let emu: EmulatorServer;
  let app: LoopbackServer;
  let deps: PaymentDeps;
  const placed: Placed[] = [];

  beforeAll(async () => {
    [emu, app] = await Promise.all([startEmulatorServer(), startCallbackApp()]);
    deps = {
      config: loadPaymobConfig({ APP_URL: emu.origin }),
      urls: paymentUrls({ APP_URL: app.origin }),
      fetchImpl: withoutDeadline,
    };
  });
  afterAll(async () => {
    await emu?.settle();
    await Promise.all([emu?.close(), app?.close()]);
    vi.restoreAllMocks();
  });

  const reload = async (order: Order) => (await t.db.select().from(orders).where(eq(orders.id, order.id)))[0]!;
  const latest = async (order: Order) =>
    (
      await t.db
        .select()
        .from(paymentAttempts)
        .where(eq(paymentAttempts.orderId, order.id))
        .orderBy(asc(paymentAttempts.createdAt))
    )[0]!;

  it(
    "checks out and pays every order, each under its scenario",
    async () => {
      const slugs = (await t.db.select({ slug: products.slug }).from(products)).map((p) => p.slug);
      for (let start = 0; start < ORDERS; start += BATCH) {
        const batch = Array.from({ length: Math.min(BATCH, ORDERS - start) }, (_, j) => start + j);
        placed.push(
          ...(await Promise.all(
            batch.map(async (i): Promise<Placed> => {
              const scenario = SCENARIOS[i % SCENARIOS.length]!;
              const cartId = await cartWith(t.db, { [slugs[i % slugs.length]!]: 1 + (i % 3) });
              const step = await startCheckout(t.db, { cartId, owner: visitor(), submission: submission() }, deps);
              if (step.kind !== "hosted") throw new Error(`order ${i}: checkout ended in ${step.kind}`);
              if (scenario === "delayed") {
                const set = await fetch(`${emu.baseUrl}/_emulator/scenario`, {
                  method: "POST",
                  headers: { "content-type": "application/json" },
                  body: JSON.stringify({
                    specialReference: step.attempt.specialReference,
                    scenario: "delayed",
                    delaySeconds: 1,
                  }),
                });
                expect(set.status).toBe(200);
              }
              const paid = await payByCard(
                emu,
                { client_secret: step.attempt.clientSecret! } as CreatedIntention,
                CARD[scenario],
              );
              expect(paid.status, `order ${i} (${scenario}) payment page`).toBe(303);
              return { scenario, order: step.order, attempt: step.attempt };
            }),
          )),
        );
      }
      expect(placed).toHaveLength(ORDERS);
    },
    SLOW_TEST_MS,
  );

  it(
    "the callbacks that do arrive settle their orders, whatever their count, delay or order",
    async () => {
      type Delivery = { suppressed: boolean; deliveredAt: string | null; lastStatus: number | null; gaveUp: boolean };
      const undelivered = async () => {
        const deliveries = (await (
          await fetch(`${emu.baseUrl}/_emulator/deliveries?format=json`)
        ).json()) as Delivery[];
        return deliveries.filter(
          (d) => !d.suppressed && (d.deliveredAt === null || d.gaveUp || (d.lastStatus ?? 0) >= 300),
        );
      };
      // Runs every scheduled delivery to the end: the delayed ones (1 s) and the third duplicates (2 s) included.
      await emu.settle();
      const arriving = placed.filter((p) => p.scenario !== "missing");
      for (const p of arriving) {
        const want = p.scenario === "declined" ? ["payment_failed", "declined"] : ["paid", "paid"];
        expect(
          [(await reload(p.order)).status, (await latest(p.order)).status],
          `${p.order.reference} (${p.scenario})`,
        ).toEqual(want);
      }
      // Nothing still owed: every delivery went out and was answered 2xx.
      expect(await undelivered()).toEqual([]);
    },
    SLOW_TEST_MS,
  );

  it(
    "missing callbacks are recovered by the return page's inquiry",
    async () => {
      const missing = placed.filter((p) => p.scenario === "missing");
      for (const p of missing)
        expect((await reload(p.order)).status, `${p.order.reference} before the inquiry`).toBe("awaiting_payment");
      // The customer comes back after the grace period (timed on the DB clock, so the checkout is moved back),
      // and the return page makes its call: the same function, on the DB's rows.
      for (const p of missing) {
        await t.db
          .update(paymentAttempts)
          .set({ checkoutOpenedAt: sql`now() - ${sql.raw(`interval '${INQUIRY_GRACE_MS + 1_000} milliseconds'`)}` })
          .where(eq(paymentAttempts.orderId, p.order.id));
      }
      const results = await Promise.all(
        missing.map(async (p) =>
          reconcileStaleAttempt(t.db, await reload(p.order), await latest(p.order), {
            config: deps.config,
            fetchImpl: withoutDeadline,
          }),
        ),
      );
      expect(results).toEqual(missing.map(() => "applied"));
      for (const p of missing)
        expect([(await reload(p.order)).status, (await latest(p.order)).status], p.order.reference).toEqual([
          "paid",
          "paid",
        ]);
    },
    SLOW_TEST_MS,
  );

  it(
    "every order ends exactly once in its state: one settling transaction, duplicates and stale ones recorded as such",
    async () => {
      for (const p of placed) {
        const label = `${p.order.reference} (${p.scenario})`;
        const rows = await t.db
          .select()
          .from(paymentTransactions)
          .where(eq(paymentTransactions.orderId, p.order.id))
          .orderBy(asc(paymentTransactions.id));
        const events = await t.db
          .select()
          .from(paymentEvents)
          .where(eq(paymentEvents.orderId, p.order.id))
          .orderBy(asc(paymentEvents.id));
        const applied = events.filter((e) => e.outcome === "applied");
        expect(applied, label).toHaveLength(1);
        expect(
          rows.filter((r) => r.fromStatus !== r.toStatus),
          label,
        ).toHaveLength(1);
        const expected: Record<Scenario, { events: number; duplicates: number; stale: number; source: string }> = {
          none: { events: 1, duplicates: 0, stale: 0, source: "callback" },
          declined: { events: 1, duplicates: 0, stale: 0, source: "callback" },
          duplicate: { events: 3, duplicates: 2, stale: 0, source: "callback" },
          delayed: { events: 1, duplicates: 0, stale: 0, source: "callback" },
          out_of_order: { events: 2, duplicates: 0, stale: 1, source: "callback" },
          missing: { events: 1, duplicates: 0, stale: 0, source: "inquiry" },
        };
        const want = expected[p.scenario];
        expect(events, label).toHaveLength(want.events);
        expect(
          events.filter((e) => e.outcome === "duplicate"),
          label,
        ).toHaveLength(want.duplicates);
        expect(
          events.filter((e) => e.outcome === "stale"),
          label,
        ).toHaveLength(want.stale);
        expect(applied[0]!.source, label).toBe(want.source);
      }
    },
    SLOW_TEST_MS,
  );
});
