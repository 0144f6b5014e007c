import { afterEach, beforeEach, describe, expect, it, beforeAll } from "vitest";
import { emuDeliveries } from "@/lib/emulator/db/schema";
import { nextDueAt, pumpFor, type FetchLike } from "@/lib/emulator/deliveries";
import { setDeliveryClock } from "@/lib/emulator/time";
import { migrateEmulatorDb } from "@/lib/emulator/db/migrate";
import { useTestDb } from "../helpers/db";
import { FakeClock } from "../helpers/fake-clock";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb({ seed: false });
// These tests write the emulator's tables directly, before any request could have made the emulator create them.
beforeAll(async () => {
  if (!t.skipped) await migrateEmulatorDb(t.handle);
});

// The pump's own scheduling, on rows written directly: a post-payment pump must wait for what falls due
// within its horizon, and not give up early because of rows it cannot claim (held behind a predecessor,
// or leased by another pump). Time is a fake clock the pump waits on, so "1.3 s" and "1.6 s" are exact
// points on it, not real gaps a loaded machine could blur.
describe.skipIf(t.skipped)(`emulator delivery pump on ${testDbTarget()}`, () => {
  const start = Date.parse("2026-11-24T10:00:00.000Z");
  let clock: FakeClock;
  let restoreClock: () => void;

  /** What was sent, and when on the pump's clock (ms after the test's start). */
  const sent: { path: string; at: number }[] = [];
  const fetchImpl: FetchLike = async (url) => {
    sent.push({ path: new URL(url).pathname, at: clock.now().getTime() - start });
    return new Response("{}", { status: 200 });
  };

  beforeEach(async () => {
    sent.length = 0;
    await t.db.delete(emuDeliveries);
    clock = new FakeClock(new Date(start));
    restoreClock = setDeliveryClock(clock);
  });
  afterEach(() => restoreClock());

  const at = (offsetMs: number) => new Date(start + offsetMs);
  const row = (label: string, dueInMs: number, extra: Partial<typeof emuDeliveries.$inferInsert> = {}) => ({
    kind: "TRANSACTION" as const,
    label,
    url: `http://127.0.0.1:9/${label}?hmac=x`,
    body: "{}",
    hmac: "x",
    dueAt: at(dueInMs),
    ...extra,
  });

  async function insert(value: ReturnType<typeof row>): Promise<number> {
    const [inserted] = await t.db.insert(emuDeliveries).values(value).returning({ id: emuDeliveries.id });
    return inserted!.id;
  }

  it("waits past rows it cannot claim for the ones that fall due within its horizon", async () => {
    const predecessor = await insert(row("predecessor", 1_300));
    // Due already, but held until the predecessor has gone out.
    await insert(row("held", -1_000, { afterId: predecessor }));
    // Due already, but another pump holds its lease for longer than this pump's horizon.
    await insert(row("leased", -1_000, { leaseUntil: at(60_000) }));
    await insert(row("later", 1_600));

    expect(await clock.drive(pumpFor(t.db, 5_000, { fetchImpl }))).toBe(3);
    expect(sent).toEqual([
      { path: "/predecessor", at: 1_300 },
      { path: "/held", at: 1_300 },
      { path: "/later", at: 1_600 },
    ]);
  });

  it("nextDueAt names when something becomes claimable: a due time or the end of another pump's lease", async () => {
    expect(await nextDueAt(t.db)).toBeNull();
    await insert(row("leased", -1_000, { leaseUntil: at(60_000) }));
    expect(await nextDueAt(t.db)).toEqual(at(60_000));
    const predecessor = await insert(row("predecessor", 30_000));
    await insert(row("held", -1_000, { afterId: predecessor }));
    await insert(row("missing", -1_000, { suppressed: true }));
    // The held and the suppressed rows are due already, but neither can go out: the predecessor comes first.
    expect(await nextDueAt(t.db)).toEqual(at(30_000));
  });

  it("stops at its horizon, leaving later rows for the next pump", async () => {
    await insert(row("soon", 0));
    await insert(row("after-the-horizon", 10_000));
    expect(await clock.drive(pumpFor(t.db, 500, { fetchImpl }))).toBe(1);
    expect(sent).toEqual([{ path: "/soon", at: 0 }]);
    expect(clock.now()).toEqual(at(0)); // nothing within the horizon to wait for
  });

  it("retries a failed send after its backoff, on the same clock", async () => {
    let failuresLeft = 1;
    const flaky: FetchLike = async (url, init) =>
      failuresLeft-- > 0 ? new Response("busy", { status: 503 }) : fetchImpl(url, init);
    await insert(row("flaky", 0));
    expect(await clock.drive(pumpFor(t.db, 20_000, { fetchImpl: flaky }))).toBe(1);
    expect(sent).toEqual([{ path: "/flaky", at: 2_000 }]); // the first retry comes 2 s after the failure
  });
});
