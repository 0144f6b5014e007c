import { count, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDb, type DbHandle } from "@/db/client";
import { orders, rateLimits } from "@/db/schema";
import { adminActionRefusal } from "@/lib/admin/action-limits";
import type { Viewer } from "@/lib/auth/session";
import { limitMagicLinks } from "@/lib/auth/magic-link-limits";
import { admitPaymentStart } from "@/lib/checkout/start/payment-start-limits";
import { retryPayment } from "@/lib/checkout/return/retry";
import { startCheckout } from "@/lib/checkout/start/start-checkout";
import { logger } from "@/lib/logger";
import { hitRateLimit, type RateLimitRule } from "@/lib/rate-limit/limiter";
import {
  ADMIN_ACTIONS_PER_ADMIN,
  MAGIC_LINKS_PER_CLIENT,
  MAGIC_LINKS_PER_EMAIL,
  PAYMENT_STARTS_PER_CLIENT,
  PAYMENT_STARTS_PER_VISITOR,
} from "@/lib/rate-limit/rules";
import { useTestDb } from "../helpers/db";
import { nextId } from "../helpers/orders";
import { testDbTarget } from "../helpers/test-db-target";
import { cartWith, fakePaymob, submission, visitor } from "./checkout-fixtures";

const t = useTestDb();

// The admin server actions read the session through getViewer(); here it is whoever the test says.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => session.viewer }));

/** A clock the test moves by hand: no test depends on when it runs or how long a step takes. */
function manualClock(iso = "2026-03-01T12:00:05.000Z") {
  let now = new Date(iso);
  const clock = () => now;
  return { clock, advance: (seconds: number) => void (now = new Date(now.getTime() + seconds * 1000)) };
}

const rule = (limit: number, windowSeconds = 600): RateLimitRule => ({
  name: `test-${nextId()}`,
  limit,
  windowSeconds,
  what: "test hits",
});
const rowsOf = (r: RateLimitRule) =>
  t.db
    .select()
    .from(rateLimits)
    .where(like(rateLimits.key, `${r.name}:%`));

let warn: ReturnType<typeof vi.spyOn>;
beforeAll(() => {
  warn = vi.spyOn(logger, "warn").mockImplementation(() => {});
});
afterAll(() => void vi.restoreAllMocks());

describe.skipIf(t.skipped)(`rate limits in the database on ${testDbTarget()}`, () => {
  describe("the limiter", () => {
    it("lets `limit` hits through per window, then refuses until the window ends, logging the first refusal only", async () => {
      const r = rule(3);
      const { clock, advance } = manualClock();
      warn.mockClear();
      const verdicts = [];
      for (let i = 0; i < 6; i++) verdicts.push(await hitRateLimit(t.db, r, "203.0.113.7", clock));
      expect(verdicts.map((v) => v.ok)).toEqual([true, true, true, false, false, false]);
      // 12:00:05 in the 12:00–12:10 window: 595 s to go.
      expect(verdicts[3]).toEqual({ ok: false, rule: r, retryAfterSeconds: 595 });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]![0]).toEqual({ scope: "rate-limit", rule: "test hits", key: `${r.name}:203.0.113.7` });
      expect(warn.mock.calls[0]![1]).toMatch(
        new RegExp(
          `^refused test hits: ${r.name}:203\\.0\\.113\\.7 reached 3 per 10 minutes; refusing until 2026-03-01T12:10:00\\.000Z`,
        ),
      );

      // Refused hits write nothing: the counter stopped at limit + 1.
      expect((await rowsOf(r)).map((row) => row.count)).toEqual([4]);

      advance(595);
      expect(await hitRateLimit(t.db, r, "203.0.113.7", clock)).toEqual({ ok: true, count: 1 });
      // Still one row per key: a new window restarts the counter in place.
      expect(await rowsOf(r)).toHaveLength(1);
    });

    it("counts each subject separately", async () => {
      const r = rule(1);
      const { clock } = manualClock();
      expect((await hitRateLimit(t.db, r, "a", clock)).ok).toBe(true);
      expect((await hitRateLimit(t.db, r, "b", clock)).ok).toBe(true);
      expect((await hitRateLimit(t.db, r, "a", clock)).ok).toBe(false);
    });

    it("a hit from an instance whose clock lags counts towards the newer window instead of rewinding it", async () => {
      const r = rule(2, 60);
      const ahead = manualClock("2026-03-01T12:01:00.000Z");
      const behind = manualClock("2026-03-01T12:00:59.000Z");
      expect((await hitRateLimit(t.db, r, "x", ahead.clock)).ok).toBe(true);
      expect(await hitRateLimit(t.db, r, "x", behind.clock)).toEqual({ ok: true, count: 2 });
      expect((await hitRateLimit(t.db, r, "x", ahead.clock)).ok).toBe(false);
      const [row] = await rowsOf(r);
      expect(row!.windowStart.toISOString()).toBe("2026-03-01T12:01:00.000Z");
    });

    it("N parallel hits never let more than the limit through", async () => {
      const r = rule(7);
      const { clock } = manualClock();
      const verdicts = await Promise.all(Array.from({ length: 40 }, () => hitRateLimit(t.db, r, "burst", clock)));
      expect(verdicts.filter((v) => v.ok)).toHaveLength(7);
      expect(
        verdicts
          .filter((v) => v.ok)
          .map((v) => (v.ok ? v.count : 0))
          .sort((a, b) => a - b),
      ).toEqual([1, 2, 3, 4, 5, 6, 7]);
    });

    it.skipIf(testDbTarget() === "pglite")("two server instances (two connection pools) share the limit", async () => {
      const other: DbHandle = await openDb({ driver: "pg", url: t.url, poolMax: 10 });
      try {
        const r = rule(10);
        const { clock } = manualClock();
        const verdicts = await Promise.all(
          Array.from({ length: 30 }, (_, i) => hitRateLimit(i % 2 ? other.db : t.db, r, "shared", clock)),
        );
        expect(verdicts.filter((v) => v.ok)).toHaveLength(10);
      } finally {
        await other.close();
      }
    });

    it("counters whose window has passed are deleted by later hits, a bounded batch at a time", async () => {
      const r = rule(5, 60);
      const { clock, advance } = manualClock("2030-01-01T00:00:01.000Z");
      for (let i = 0; i < 150; i++) await hitRateLimit(t.db, r, `old-${i}`, clock);
      expect(await rowsOf(r)).toHaveLength(150);
      advance(120);
      // Each first hit of a window deletes up to 100 expired counters (of any rule).
      await hitRateLimit(t.db, r, "new-1", clock);
      expect((await rowsOf(r)).length).toBeLessThanOrEqual(51);
      await hitRateLimit(t.db, r, "new-2", clock);
      expect((await rowsOf(r)).map((row) => row.key).sort()).toEqual([`${r.name}:new-1`, `${r.name}:new-2`]);
    });
  });

  describe("sign-in links", () => {
    it("five per mailbox per 15 minutes, +tags included; other addresses are unaffected", async () => {
      const { clock, advance } = manualClock();
      const client = `198.51.100.${nextId() % 250}`;
      const mailbox = `victim-${nextId()}@example.com`;
      const [local, domain] = mailbox.split("@");
      const sent = [];
      for (const tag of ["", "+1", "+2", "", "+x", "+y"])
        sent.push(await limitMagicLinks(t.db, { email: `${local}${tag}@${domain}`, client }, clock));
      expect(sent.map((v) => v.ok)).toEqual([true, true, true, true, true, false]);
      expect(sent[5]).toMatchObject({ ok: false, rule: MAGIC_LINKS_PER_EMAIL });
      expect((await limitMagicLinks(t.db, { email: `someone-else-${nextId()}@example.com`, client }, clock)).ok).toBe(
        true,
      );
      advance(15 * 60);
      expect((await limitMagicLinks(t.db, { email: mailbox, client }, clock)).ok).toBe(true);
    });

    it("twenty per client address to any addresses; a refused request does not use up the mailbox's allowance", async () => {
      const { clock } = manualClock();
      const client = `2001:db8:${nextId() % 9999}::1`;
      const verdicts = [];
      for (let i = 0; i < 21; i++)
        verdicts.push(await limitMagicLinks(t.db, { email: `spam-${nextId()}@example.com`, client }, clock));
      expect(verdicts.filter((v) => v.ok)).toHaveLength(MAGIC_LINKS_PER_CLIENT.limit);
      expect(verdicts[20]).toMatchObject({ ok: false, rule: MAGIC_LINKS_PER_CLIENT });
      const victim = `untouched-${nextId()}@example.com`;
      expect((await limitMagicLinks(t.db, { email: victim, client }, clock)).ok).toBe(false);
      const [row] = await t.db
        .select()
        .from(rateLimits)
        .where(eq(rateLimits.key, `${MAGIC_LINKS_PER_EMAIL.name}:${victim}`));
      expect(row).toBeUndefined();
    });
  });

  describe("payment starts", () => {
    const ordersOf = async (guestId: string) =>
      (await t.db.select({ n: count() }).from(orders).where(eq(orders.guestId, guestId)))[0]!.n;

    it("ten new orders per visitor in 10 minutes; the eleventh is refused before any order or intention, with a message", async () => {
      const { clock } = manualClock();
      const owner = visitor();
      const paymob = fakePaymob();
      const admit = () => admitPaymentStart(t.db, { owner, client: "192.0.2.10" }, clock);
      const steps = [];
      for (let i = 0; i < 11; i++) {
        const cartId = await cartWith(t.db, { "spice-trio": 1 });
        steps.push(await startCheckout(t.db, { cartId, owner, submission: submission(), admit }, paymob.deps));
      }
      expect(steps.slice(0, 10).every((s) => s.kind === "hosted")).toBe(true);
      expect(steps[10]).toEqual({
        kind: "failed",
        // The clock reads 12:00:05 and the 10-minute window ends at 12:10:00.
        error: { code: "rate_limited", retryAfterSeconds: 595 },
      });
      expect(await ordersOf(owner.guestId)).toBe(10);
      expect(paymob.requests).toHaveLength(10);
    });

    it("a resubmitted form follows its order without counting; Try again counts", async () => {
      const { clock } = manualClock();
      const owner = visitor();
      const paymob = fakePaymob();
      let asked = 0;
      const admit = () => {
        asked++;
        return admitPaymentStart(t.db, { owner, client: "192.0.2.11" }, clock);
      };
      const form = submission();
      const cartId = await cartWith(t.db, { "spice-trio": 1 });
      const first = await startCheckout(t.db, { cartId, owner, submission: form, admit }, paymob.deps);
      await startCheckout(t.db, { cartId, owner, submission: form, admit }, paymob.deps);
      expect(asked).toBe(1);

      // Use up the visitor's allowance, then the declined order's "Try again" is refused.
      for (let i = 1; i < PAYMENT_STARTS_PER_VISITOR.limit; i++) expect((await admit()).ok).toBe(true);
      if (first.kind !== "hosted") throw new Error(`expected hosted, got ${first.kind}`);
      await t.db.update(orders).set({ status: "payment_failed" }).where(eq(orders.id, first.order.id));
      const { paymentAttempts } = await import("@/db/schema");
      await t.db.update(paymentAttempts).set({ status: "declined" }).where(eq(paymentAttempts.orderId, first.order.id));
      const retried = await retryPayment(t.db, { orderId: first.order.id, owner, admit }, paymob.deps);
      expect(retried).toMatchObject({
        kind: "failed",
        error: { code: "rate_limited", retryAfterSeconds: expect.any(Number) },
      });
      expect(paymob.requests).toHaveLength(1);
    });

    it("per client address too: a script that drops its visitor cookie each time meets the address limit", async () => {
      const { clock } = manualClock();
      const client = "192.0.2.12";
      const verdicts = [];
      for (let i = 0; i <= PAYMENT_STARTS_PER_CLIENT.limit; i++)
        verdicts.push(await admitPaymentStart(t.db, { owner: visitor(), client }, clock));
      expect(verdicts.filter((v) => v.ok)).toHaveLength(PAYMENT_STARTS_PER_CLIENT.limit);
      expect(verdicts.at(-1)!.ok).toBe(false);
    });
  });

  describe("admin actions", () => {
    const viewer = (email: string, verifiedEmail: string | null = email): Viewer => ({
      userId: `user-${nextId()}`,
      email,
      name: null,
      verifiedEmail,
    });
    beforeAll(() => void vi.stubEnv("ADMIN_EMAILS", "boss@example.com,ops@example.com"));
    afterAll(() => void vi.unstubAllEnvs());

    it("twenty a minute per admin, then a refusal the admin page shows; another admin is unaffected", async () => {
      const { clock, advance } = manualClock();
      const boss = viewer("boss@example.com");
      for (let i = 0; i < ADMIN_ACTIONS_PER_ADMIN.limit; i++)
        expect(await adminActionRefusal(t.db, boss, clock)).toBeNull();
      expect(await adminActionRefusal(t.db, boss, clock)).toEqual({
        status: "refused",
        notice: { code: "rate_limited", retryAfterSeconds: 55 },
      });
      expect(await adminActionRefusal(t.db, viewer("ops@example.com"), clock)).toBeNull();
      advance(55);
      expect(await adminActionRefusal(t.db, boss, clock)).toBeNull();
    });

    it("every admin server action counts: the 21st click in a minute is refused before the operation runs", async () => {
      const { refundAction, replayAction } = await import("@/lib/admin/actions");
      vi.useFakeTimers({ toFake: ["Date"] });
      try {
        vi.setSystemTime(new Date("2031-02-03T04:05:00.000Z"));
        session.viewer = viewer("ops@example.com");
        const form = new FormData();
        form.set("reference", "NC-NOSUCHONE");
        // The confirming submit of a refund (the first submit only describes it and is not counted).
        form.set("intent", "confirm");
        const answers = [];
        for (let i = 0; i < 20; i++)
          answers.push(await (i % 2 ? refundAction : replayAction)({ status: "idle" }, form));
        // Incomplete forms: each one reached its operation, which refused it as invalid.
        expect(answers.map((a) => a.status)).toEqual(Array(20).fill("invalid"));
        expect(await refundAction({ status: "idle" }, form)).toMatchObject({
          status: "refused",
          notice: { code: "rate_limited" },
        });
      } finally {
        session.viewer = null;
        vi.useRealTimers();
      }
    });

    it("non-admins are not counted (the operation refuses them without reading anything)", async () => {
      const { clock } = manualClock();
      for (const someone of [null, viewer("customer@example.com"), viewer("boss@example.com", null)]) {
        for (let i = 0; i < 25; i++) expect(await adminActionRefusal(t.db, someone, clock)).toBeNull();
      }
      const counters = await t.db
        .select()
        .from(rateLimits)
        .where(like(rateLimits.key, `${ADMIN_ACTIONS_PER_ADMIN.name}:customer%`));
      expect(counters).toEqual([]);
    });
  });
});
