import { afterEach, beforeEach, describe, expect, it, vi, beforeAll } from "vitest";
import { eq } from "drizzle-orm";
import { emuDeliveries, emuIntentions } from "@/lib/emulator/db/schema";
import { pumpDeliveries, type FetchLike } from "@/lib/emulator/deliveries";
import { EMULATOR_API_KEY, EMULATOR_SECRET_KEY } from "@/lib/paymob/emulator-credentials";
import { migrateEmulatorDb } from "@/lib/emulator/db/migrate";
import { useTestDb } from "../helpers/db";
import {
  createTestIntention,
  payByCard,
  TEST_BILLING,
  useEmulatorHarness,
  type CreatedIntention,
} from "../helpers/emulator-server";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb({ seed: false });
// These tests write the emulator's tables directly, before any request could have made the emulator create them.
beforeAll(async () => {
  if (!t.skipped) await migrateEmulatorDb(t.handle);
});

// The emulator when strangers can reach it (APP_URL off loopback: a preview without keys, a demo store): no
// requests to other hosts (SSRF), no customer data in its logs and answers, its tools behind the secret key.
// And the same paths on loopback, where everything stays open as the local two-command experience needs.

/** The app's public origin in these tests. Nothing listens there: fetch is stubbed for this origin only. */
const APP = "https://shop.example";
const APP_CALLBACK = `${APP}/api/paymob/callback?x-vercel-protection-bypass=bypass-s3cret`;
const APP_RETURN = `${APP}/checkout/return`;
const KEY = { authorization: `Token ${EMULATOR_SECRET_KEY}` };
const PERSONAL = [
  TEST_BILLING.first_name,
  TEST_BILLING.last_name,
  TEST_BILLING.email,
  TEST_BILLING.phone_number.slice(1),
];

type Row = {
  id: number;
  intentionId: string | null;
  url: string;
  body: string;
  deliveredAt: string | null;
  gaveUp: boolean;
  lastError: string | null;
  suppressed: boolean;
  attempts: number;
};

describe.skipIf(t.skipped)(`emulator exposure over HTTP on ${testDbTarget()}`, () => {
  const h = useEmulatorHarness();
  /** Callbacks the emulator sent to the app's own (public) origin. */
  const atApp: { url: string; body: string }[] = [];
  const realFetch = globalThis.fetch;

  beforeEach(() => {
    atApp.length = 0;
    // The pump calls the global fetch; the app's origin answers here, everything else goes out for real.
    vi.stubGlobal("fetch", (async (input: string | URL | Request, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (new URL(url).origin !== APP) return realFetch(input, init);
      atApp.push({ url, body: String(init?.body) });
      return new Response("{}", { status: 200 });
    }) as typeof fetch);
  });
  afterEach(async () => {
    await h.emu.settle(); // deferred pumps read APP_URL and fetch: finish them before the stubs go
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  });

  const postIntention = (patch: Record<string, unknown>, headers: Record<string, string> = KEY) =>
    fetch(`${h.emu.baseUrl}/v1/intention/`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({
        amount: 1_000,
        currency: "EGP",
        payment_methods: ["card"],
        billing_data: TEST_BILLING,
        special_reference: `PUB-${Math.random().toString(36).slice(2, 10)}`,
        ...patch,
      }),
    });
  const deliveries = async (headers: Record<string, string> = {}) =>
    (await (await fetch(`${h.emu.baseUrl}/_emulator/deliveries?format=json`, { headers })).json()) as Row[];
  const rowsOf = async (intention: CreatedIntention) =>
    await t.db.select().from(emuDeliveries).where(eq(emuDeliveries.intentionId, intention.id));
  const control = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${h.emu.baseUrl}/_emulator/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...headers },
      body: JSON.stringify(body),
      redirect: "manual",
    });
  const authToken = async () =>
    (
      (await (
        await fetch(`${h.emu.baseUrl}/api/auth/tokens`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ api_key: EMULATOR_API_KEY }),
        })
      ).json()) as { token: string }
    ).token;

  describe("public (APP_URL https://shop.example)", () => {
    beforeEach(() => vi.stubEnv("APP_URL", APP));

    it("refuses a notification_url off the app's origin at creation: Paymob's 400 field error, nothing stored", async () => {
      for (const target of [
        `${h.receiver.url}/cb`,
        "http://169.254.169.254/latest/meta-data/",
        "http://localhost:5432/",
        `${APP}.evil.test/cb`,
        "http://shop.example/api/paymob/callback",
      ]) {
        const reference = `SSRF-${Math.random().toString(36).slice(2, 10)}`;
        const res = await postIntention({
          notification_url: target,
          redirection_url: APP_RETURN,
          special_reference: reference,
        });
        expect(res.status, target).toBe(400);
        const body = (await res.json()) as Record<string, string[]>;
        expect(Object.keys(body)).toEqual(["notification_url"]);
        expect(body.notification_url![0]).toContain(`must be on this app's own origin (${APP})`);
        expect(await t.db.select().from(emuIntentions).where(eq(emuIntentions.specialReference, reference))).toEqual(
          [],
        );
      }
      expect(h.receiver.received).toEqual([]);
    });

    it("refuses a redirection_url off the app's origin: no open redirect through the checkout", async () => {
      const res = await postIntention({ notification_url: APP_CALLBACK, redirection_url: "https://evil.test/phish" });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        redirection_url: [expect.stringContaining("redirection_url must be on this app's own origin")],
      });
    });

    it("accepts the app's own URLs and delivers the signed callback there, and sends the browser back to the app", async () => {
      const intention = await createTestIntention(h.emu, APP, { redirection_url: APP_RETURN });
      const res = await payByCard(h.emu, intention, "5123456789012346");
      expect(res.headers.get("location")).toMatch(new RegExp(`^${APP_RETURN}\\?`));
      await h.emu.settle();
      expect(atApp.map((c) => new URL(c.url).pathname)).toEqual([`/cb/${intention.special_reference}`]);
      expect(atApp[0]!.body).toContain(TEST_BILLING.email); // the app itself gets the whole callback, as from Paymob
    });

    it("checks again when sending: a callback and a redirect stored while local are not sent off the app's origin", async () => {
      vi.stubEnv("APP_URL", "http://localhost:3000");
      const intention = await createTestIntention(h.emu, h.receiver.url); // redirection_url https://shop.test/…
      vi.stubEnv("APP_URL", APP);
      const res = await payByCard(h.emu, intention, "5123456789012346");
      // The browser lands on the emulator's own status page instead of the foreign redirection_url.
      expect(res.headers.get("location")).toMatch(new RegExp(`^${h.emu.baseUrl}/unifiedcheckout/payment-status\\?`));
      await h.emu.settle();
      expect(h.receiver.received).toEqual([]);
      const [row] = await rowsOf(intention);
      expect(row).toMatchObject({ deliveredAt: null, gaveUp: true, lastStatus: null });
      expect(row!.lastError).toContain("not sent: This emulator is public");

      // A replay of it is refused the same way.
      const replay = await control(`deliveries/${row!.id}/replay`, {}, KEY);
      expect(replay.status).toBe(201);
      await h.emu.settle();
      expect(h.receiver.received).toEqual([]);
      const copy = (await rowsOf(intention)).find((d) => d.id !== row!.id);
      expect(copy).toMatchObject({ label: `replay of #${row!.id}`, gaveUp: true, deliveredAt: null });
    });

    it("masks personal data in the delivery log for everyone, with or without the (public) key; the database keeps it whole", async () => {
      const intention = await createTestIntention(h.emu, APP, {
        notification_url: APP_CALLBACK,
        redirection_url: APP_RETURN,
      });
      await payByCard(h.emu, intention, "4000000000000507"); // scenario "missing": recorded, never sent
      await h.emu.settle();
      for (const headers of [{}, KEY] as Record<string, string>[]) {
        const rows = (await deliveries(headers)).filter((d) => d.intentionId === intention.id);
        expect(rows).toHaveLength(1);
        const text = JSON.stringify(rows);
        for (const value of [...PERSONAL, "bypass-s3cret"]) expect(text, value).not.toContain(value);
        const body = JSON.parse(rows[0]!.body) as {
          obj: { amount_cents: number; order: { shipping_data: Record<string, string>; merchant_order_id: string } };
        };
        expect(body.obj.amount_cents).toBe(35_000);
        expect(body.obj.order.merchant_order_id).toBe(intention.special_reference);
        expect(body.obj.order.shipping_data).toMatchObject({ first_name: "N***", email: "n***@***" });
      }
      const page = await (await fetch(`${h.emu.baseUrl}/_emulator/deliveries`)).text();
      for (const value of PERSONAL) expect(page, value).not.toContain(value);
      expect(page).toContain("This emulator is public: personal data is masked");
      expect(page).not.toMatch(/action="[^"]*\/replay"/); // a browser form cannot send the key
      const [stored] = await rowsOf(intention);
      expect(stored!.body).toContain(TEST_BILLING.email);
    });

    it("masks personal data in inquiry and refund answers (reached with the public keys and sequential ids)", async () => {
      const intention = await createTestIntention(h.emu, APP, { redirection_url: APP_RETURN });
      const paid = new URL(
        (await payByCard(h.emu, intention, "5123456789012346")).headers.get("location")!,
      ).searchParams.get("id");
      const bearer = { authorization: `Bearer ${await authToken()}` };
      const answers = [
        await fetch(`${h.emu.baseUrl}/api/acceptance/transactions/${paid}`, { headers: bearer }),
        await fetch(`${h.emu.baseUrl}/api/ecommerce/orders/transaction_inquiry`, {
          method: "POST",
          headers: { ...bearer, "content-type": "application/json" },
          body: JSON.stringify({ merchant_order_id: intention.special_reference }),
        }),
        await fetch(`${h.emu.baseUrl}/api/acceptance/void_refund/refund`, {
          method: "POST",
          headers: { ...KEY, "content-type": "application/json" },
          body: JSON.stringify({ transaction_id: Number(paid), amount_cents: 1_000 }),
        }),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(answer.headers.get("content-type")).toContain("application/json");
        const body = (await answer.json()) as {
          id: number;
          payment_key_claims: { billing_data: Record<string, string> };
        };
        for (const value of PERSONAL) expect(JSON.stringify(body), value).not.toContain(value);
        expect(body.payment_key_claims.billing_data.last_name).toBe("H***");
      }
      await h.emu.settle();
      expect(atApp.length).toBeGreaterThanOrEqual(3); // payment, refund and re-notified parent: whole, to the app
      expect(atApp.every((c) => c.body.includes(TEST_BILLING.email))).toBe(true);
    });

    it("the control API asks for the secret key like Paymob's APIs: 401 without it or with another", async () => {
      const intention = await createTestIntention(h.emu, APP, { redirection_url: APP_RETURN });
      const scenario = { specialReference: intention.special_reference, scenario: "missing" };
      const wrong: Record<string, string>[] = [
        {},
        { authorization: "Token egy_sk_test_guess" },
        { authorization: `Bearer ${EMULATOR_SECRET_KEY}` },
      ];
      for (const headers of wrong) {
        for (const [path, body] of [
          ["scenario", scenario],
          ["deliveries/pump", {}],
          ["deliveries/1/replay", {}],
        ] as const) {
          const res = await control(path, body, headers);
          expect(res.status, `${path} with ${JSON.stringify(headers)}`).toBe(401);
          expect(Object.keys((await res.json()) as object)).toEqual(["detail"]);
        }
      }
      expect((await t.db.select().from(emuIntentions).where(eq(emuIntentions.id, intention.id)))[0]!.scenario).toBe(
        "none",
      );

      expect((await control("scenario", scenario, KEY)).status).toBe(200);
      expect((await control("deliveries/pump", {}, KEY)).status).toBe(200);
      expect((await control("deliveries/999999999/replay", {}, KEY)).status).toBe(404); // past the key check
    });
  });

  describe("local (APP_URL on loopback): open as before", () => {
    beforeEach(() => vi.stubEnv("APP_URL", "http://localhost:3000"));

    it("any notification_url works, callbacks reach the test's own receiver, the log and tools need no key and show everything", async () => {
      const intention = await createTestIntention(h.emu, h.receiver.url); // 127.0.0.1 receiver, redirect to https://shop.test
      expect((await control("scenario", { clientSecret: intention.client_secret, scenario: "none" })).status).toBe(200);
      const res = await payByCard(h.emu, intention, "5123456789012346");
      expect(res.headers.get("location")).toMatch(/^https:\/\/shop\.test\/checkout\/return\?/);
      await h.receiver.waitFor((all) => all.some((c) => c.path === `/cb/${intention.special_reference}`));
      const rows = (await deliveries()).filter((d) => d.intentionId === intention.id);
      expect(rows[0]!.body).toContain(TEST_BILLING.email);
      expect(rows[0]!.url.startsWith(h.receiver.url)).toBe(true);
      const page = await (await fetch(`${h.emu.baseUrl}/_emulator/deliveries`)).text();
      expect(page).toContain(`/_emulator/deliveries/${rows[0]!.id}/replay`);
      expect(page).not.toContain("personal data is masked");
      expect((await control(`deliveries/${rows[0]!.id}/replay`, {})).status).toBe(201);
      await h.receiver.waitFor(
        (all) => all.filter((c) => c.path === `/cb/${intention.special_reference}`).length === 2,
      );
    });
  });
});

describe.skipIf(t.skipped)(`emulator callback pump, public or local, on ${testDbTarget()}`, () => {
  const sent: { url: string; redirect: RequestRedirect | undefined }[] = [];
  let answer = 200;
  const fetchImpl: FetchLike = async (url, init) => {
    sent.push({ url, redirect: init.redirect });
    return new Response(null, {
      status: answer,
      headers: answer >= 300 ? { location: "http://169.254.169.254/" } : {},
    });
  };

  beforeEach(async () => {
    sent.length = 0;
    answer = 200;
    await t.db.delete(emuDeliveries);
  });
  afterEach(() => vi.unstubAllEnvs());

  const insert = async (url: string) =>
    (
      await t.db
        .insert(emuDeliveries)
        .values({ kind: "TRANSACTION", label: url, url, body: "{}", hmac: "x" })
        .returning()
    )[0]!;
  const TARGETS = [
    `${APP}/api/paymob/callback?hmac=x`,
    "http://169.254.169.254/latest/meta-data/?hmac=x",
    "http://127.0.0.1:9/cb?hmac=x",
    "http://[::1]:9/cb?hmac=x",
  ];

  it("public: rows aimed anywhere but the app are given up unsent; the app's own goes out", async () => {
    vi.stubEnv("APP_URL", APP);
    for (const url of TARGETS) await insert(url);
    expect(await pumpDeliveries(t.db, { fetchImpl })).toBe(1);
    expect(sent.map((s) => s.url)).toEqual([TARGETS[0]]);
    const rows = await t.db.select().from(emuDeliveries);
    for (const row of rows.filter((r) => r.url !== TARGETS[0])) {
      expect(row).toMatchObject({ gaveUp: true, deliveredAt: null, leaseUntil: null });
      expect(row.lastError).toMatch(/^not sent: This emulator is public/);
    }
    expect(await pumpDeliveries(t.db, { fetchImpl })).toBe(0); // nothing left to retry
    expect(sent).toHaveLength(1);
  });

  it("local: every row goes out, as the test suites need", async () => {
    vi.stubEnv("APP_URL", "http://localhost:3000");
    for (const url of TARGETS) await insert(url);
    expect(await pumpDeliveries(t.db, { fetchImpl })).toBe(TARGETS.length);
    expect(sent.map((s) => s.url).sort()).toEqual([...TARGETS].sort());
  });

  it('never follows a redirect the target answers with: sent with redirect "manual", a 3xx is not a delivery', async () => {
    vi.stubEnv("APP_URL", APP);
    answer = 307;
    const row = await insert(TARGETS[0]!);
    expect(await pumpDeliveries(t.db, { fetchImpl })).toBe(0);
    expect(sent).toEqual([{ url: TARGETS[0], redirect: "manual" }]);
    const [after] = await t.db.select().from(emuDeliveries).where(eq(emuDeliveries.id, row.id));
    expect(after).toMatchObject({ deliveredAt: null, lastStatus: 307, lastError: "HTTP 307" });
  });
});
