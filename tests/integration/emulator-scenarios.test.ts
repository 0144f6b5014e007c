import { describe, expect, it } from "vitest";
import { EMULATOR_HMAC_SECRET } from "@/lib/paymob/emulator-credentials";
import { verifyRedirect, verifyTransaction } from "@/lib/paymob/hmac";
import { useTestDb } from "../helpers/db";
import { createTestIntention, payByCard, type CreatedIntention, useEmulatorHarness } from "../helpers/emulator-server";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb({ seed: false });

type Body = { obj: { id: number; success: boolean; pending: boolean } };

describe.skipIf(t.skipped)(`emulator callback failure scenarios on ${testDbTarget()}`, () => {
  const h = useEmulatorHarness();

  const callbacksFor = (i: CreatedIntention) =>
    h.receiver.received.filter((c) => c.path === `/cb/${i.special_reference}`);
  const setScenario = (body: Record<string, unknown>) =>
    fetch(`${h.emu.baseUrl}/_emulator/scenario`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const deliveries = async () =>
    (await (await fetch(`${h.emu.baseUrl}/_emulator/deliveries?format=json`)).json()) as {
      id: number;
      intentionId: string;
      label: string;
      suppressed: boolean;
      deliveredAt: string | null;
      attempts: number;
      lastStatus: number | null;
      gaveUp: boolean;
    }[];
  const redirectOf = (res: Response) => new URL(res.headers.get("location")!).searchParams;

  it("duplicate (card 4000000000000200): the same signed callback three times, two of them concurrently", async () => {
    const intention = await createTestIntention(h.emu, h.receiver.url);
    await payByCard(h.emu, intention, "4000000000000200");
    await h.emu.settle();
    const got = callbacksFor(intention);
    expect(got).toHaveLength(3);
    expect(new Set(got.map((c) => c.body)).size).toBe(1);
    expect(new Set(got.map((c) => c.query.get("hmac"))).size).toBe(1);
    expect(verifyTransaction(EMULATOR_HMAC_SECRET, (got[0]!.json as Body).obj, got[0]!.query.get("hmac"))).toBe(true);
  });

  it("delayed (control endpoint): the browser is redirected first, the callback only arrives once its delay has passed", async () => {
    const intention = await createTestIntention(h.emu, h.receiver.url);
    const set = await setScenario({
      specialReference: intention.special_reference,
      scenario: "delayed",
      delaySeconds: 1,
    });
    expect(set.status).toBe(200);
    const paidAt = h.emu.clock.now().getTime();
    const res = await payByCard(h.emu, intention, "5123456789012346");
    expect(verifyRedirect(EMULATOR_HMAC_SECRET, redirectOf(res))).toBe(true);
    // The emulator's clock has not moved: however long the payment took in real time, nothing is due yet.
    const [row] = (await deliveries()).filter((d) => d.intentionId === intention.id);
    expect(row).toMatchObject({ deliveredAt: null, label: "delayed 1s", attempts: 0 });
    expect(callbacksFor(intention)).toHaveLength(0);
    await h.emu.settle();
    const [callback, ...more] = callbacksFor(intention);
    expect(more).toHaveLength(0);
    expect((callback!.json as Body).obj.success).toBe(true);
    const [sent] = (await deliveries()).filter((d) => d.intentionId === intention.id);
    expect(new Date(sent!.deliveredAt!).getTime() - paidAt).toBeGreaterThanOrEqual(1_000);
  });

  it("delayed callbacks also go out opportunistically on any later emulator request (serverless: no timers)", async () => {
    const intention = await createTestIntention(h.emu, h.receiver.url);
    await setScenario({ clientSecret: intention.client_secret, scenario: "delayed", delaySeconds: 60 });
    await payByCard(h.emu, intention, "5123456789012346");
    // The post-payment pump gives up at its horizon (20 s): nothing went out.
    await h.emu.settle();
    expect(callbacksFor(intention)).toHaveLength(0);
    // A minute passes; the next request to the emulator, whatever it is, sends the callback that fell due.
    h.emu.clock.advance(60_000);
    await fetch(`${h.emu.baseUrl}/_emulator/`);
    await h.receiver.waitFor(() => callbacksFor(intention).length === 1);
  });

  it("out_of_order (card 4000000000000408): a stale, validly signed pending callback arrives after the approved one", async () => {
    const intention = await createTestIntention(h.emu, h.receiver.url);
    await payByCard(h.emu, intention, "4000000000000408");
    await h.emu.settle();
    const got = callbacksFor(intention);
    expect(got).toHaveLength(2);
    const [first, second] = got.map((c) => (c.json as Body).obj);
    expect(first).toMatchObject({ success: true, pending: false });
    expect(second).toMatchObject({ id: first!.id, success: false, pending: true });
    for (const c of got)
      expect(verifyTransaction(EMULATOR_HMAC_SECRET, (c.json as Body).obj, c.query.get("hmac"))).toBe(true);
  });

  it("missing (card 4000000000000507): no server callback at all, the redirect still happens and the log shows it withheld", async () => {
    const intention = await createTestIntention(h.emu, h.receiver.url);
    const res = await payByCard(h.emu, intention, "4000000000000507");
    expect(redirectOf(res).get("success")).toBe("true");
    await h.emu.settle();
    expect(callbacksFor(intention)).toHaveLength(0);
    expect((await deliveries()).filter((d) => d.intentionId === intention.id)).toMatchObject([
      { suppressed: true, attempts: 0 },
    ]);
  });

  it("bad_signature (card 4000000000000606 and via the control endpoint): the hmac does not verify", async () => {
    const byCard = await createTestIntention(h.emu, h.receiver.url);
    await payByCard(h.emu, byCard, "4000000000000606");
    const byControl = await createTestIntention(h.emu, h.receiver.url);
    await setScenario({ intentionId: byControl.id, scenario: "bad_signature" });
    await payByCard(h.emu, byControl, "5123456789012346");
    await h.emu.settle();
    for (const intention of [byCard, byControl]) {
      const [callback] = callbacksFor(intention);
      expect(callback!.query.get("hmac")).toMatch(/^[0-9a-f]{128}$/);
      expect(verifyTransaction(EMULATOR_HMAC_SECRET, (callback!.json as Body).obj, callback!.query.get("hmac"))).toBe(
        false,
      );
    }
  });

  it("retries a failing receiver with backoff (2 s, then 5 s), bounded by the pump's horizon, and the log shows each attempt", async () => {
    const intention = await createTestIntention(h.emu, h.receiver.url);
    h.receiver.respondWith(503);
    try {
      await payByCard(h.emu, intention, "5123456789012346");
      await h.emu.settle();
    } finally {
      h.receiver.respondWith(200);
    }
    // Right away, 2 s later, 5 s after that; the next retry (15 s later) falls beyond the 20 s horizon.
    expect(callbacksFor(intention)).toHaveLength(3);
    const [row] = (await deliveries()).filter((d) => d.intentionId === intention.id);
    expect(row).toMatchObject({ attempts: 3, lastStatus: 503, gaveUp: false, deliveredAt: null });
  });

  it("replays a delivery with the exact same signed body and shows it in the HTML log", async () => {
    const intention = await createTestIntention(h.emu, h.receiver.url);
    await payByCard(h.emu, intention, "5123456789012346");
    await h.emu.settle();
    const [original] = callbacksFor(intention);
    const [row] = (await deliveries()).filter((d) => d.intentionId === intention.id);
    const replay = await fetch(`${h.emu.baseUrl}/_emulator/deliveries/${row!.id}/replay`, {
      method: "POST",
      redirect: "manual",
    });
    expect(replay.status).toBe(303);
    await h.emu.settle();
    const all = callbacksFor(intention);
    expect(all).toHaveLength(2);
    expect(all[1]!.body).toBe(original!.body);
    expect(all[1]!.query.get("hmac")).toBe(original!.query.get("hmac"));
    const page = await (await fetch(`${h.emu.baseUrl}/_emulator/deliveries`)).text();
    expect(page).toContain("TEST EMULATOR");
    expect(page).toContain(`replay of #${row!.id}`);
    expect(page).toContain(`/_emulator/deliveries/${row!.id}/replay`);
  });

  it("validates the control endpoint's input", async () => {
    expect((await setScenario({ scenario: "duplicate" })).status).toBe(400);
    expect((await setScenario({ specialReference: "nope", scenario: "chaos" })).status).toBe(400);
    expect((await setScenario({ specialReference: "no-such-order", scenario: "duplicate" })).status).toBe(404);
  });
});
