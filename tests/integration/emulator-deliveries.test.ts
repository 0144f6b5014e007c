import { beforeEach, describe, expect, it } from "vitest";
import { emuDeliveries } from "@/db/schema/emulator";
import { nextDueAt, pumpFor, type FetchLike } from "@/lib/emulator/deliveries";
import { useTestDb } from "../helpers/db";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb({ seed: false });

// The pump's own scheduling, on rows written directly: a post-payment pump must wait for what falls due
// within its horizon, and not give up early because of rows it cannot claim (held behind a predecessor,
// or leased by another pump).
describe.skipIf(t.skipped)(`emulator delivery pump on ${testDbTarget()}`, () => {
  const sent: string[] = [];
  const fetchImpl: FetchLike = async (url) => {
    sent.push(new URL(url).pathname);
    return new Response("{}", { status: 200 });
  };

  beforeEach(async () => {
    sent.length = 0;
    await t.db.delete(emuDeliveries);
  });

  const row = (label: string, dueInMs: number, extra: Partial<typeof emuDeliveries.$inferInsert> = {}) => ({
    kind: "TRANSACTION" as const,
    label,
    url: `http://127.0.0.1:9/${label}?hmac=x`,
    body: "{}",
    hmac: "x",
    dueAt: new Date(Date.now() + dueInMs),
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
    await insert(row("leased", -1_000, { leaseUntil: new Date(Date.now() + 60_000) }));
    await insert(row("later", 1_600));

    expect(await pumpFor(t.db, 5_000, { fetchImpl })).toBe(3);
    expect(sent).toEqual(["/predecessor", "/held", "/later"]);
  });

  it("nextDueAt names when something becomes claimable: a due time or the end of another pump's lease", async () => {
    expect(await nextDueAt(t.db)).toBeNull();
    const leaseEnd = new Date(Date.now() + 60_000);
    await insert(row("leased", -1_000, { leaseUntil: leaseEnd }));
    expect((await nextDueAt(t.db))?.getTime()).toBe(leaseEnd.getTime());
    const predecessor = await insert(row("predecessor", 30_000));
    await insert(row("held", -1_000, { afterId: predecessor }));
    await insert(row("missing", -1_000, { suppressed: true }));
    const due = (await nextDueAt(t.db))?.getTime() ?? 0;
    expect(due).toBeGreaterThan(Date.now() + 25_000);
    expect(due).toBeLessThan(leaseEnd.getTime());
  });

  it("stops at its horizon, leaving later rows for the next pump", async () => {
    await insert(row("soon", 0));
    await insert(row("after-the-horizon", 10_000));
    expect(await pumpFor(t.db, 500, { fetchImpl })).toBe(1);
    expect(sent).toEqual(["/soon"]);
  });
});
