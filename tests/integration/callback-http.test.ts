import { beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { paymentEvents } from "@/db/schema/payments";
import { EMULATOR_HMAC_SECRET } from "@/lib/paymob/emulator-credentials";
import { GET, POST } from "@/app/api/paymob/callback/route";
import { useTestDb } from "../helpers/db";
import {
  createOrderWithAttempt,
  eventsForTransaction,
  loadOrderState,
  signedTransaction,
  transactionFor,
} from "../helpers/orders";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb({ seed: false });
const URL_BASE = "http://localhost/api/paymob/callback";

// No PAYMOB_SECRET_KEY: the route verifies with the built-in emulator's HMAC secret (lib/paymob/config.ts).
beforeAll(() => {
  for (const name of [
    "PAYMOB_SECRET_KEY",
    "PAYMOB_PUBLIC_KEY",
    "PAYMOB_HMAC_SECRET",
    "PAYMOB_API_KEY",
    "PAYMOB_PAYMENT_METHODS",
    "PAYMOB_BASE_URL",
    "PAYMOB_REGION",
  ]) {
    vi.stubEnv(name, undefined);
  }
});

function post(body: BodyInit, query = "", headers: Record<string, string> = { "content-type": "application/json" }) {
  return POST(new Request(`${URL_BASE}${query}`, { method: "POST", body, headers, duplex: "half" } as RequestInit));
}

async function json(response: Response) {
  return { status: response.status, body: (await response.json()) as unknown };
}

describe.skipIf(t.skipped)(`POST /api/paymob/callback on ${testDbTarget()}`, () => {
  it("applies a callback signed with the configured secret, reading hmac from the query string", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    const { rawBody, hmac } = signedTransaction(transactionFor(attempt), EMULATOR_HMAC_SECRET);
    expect(await json(await post(rawBody, `?hmac=${hmac}`))).toEqual({
      status: 200,
      body: { ok: true, outcome: "applied" },
    });
    expect((await loadOrderState(t.db, order.id)).order.status).toBe("paid");
  });

  it("401s a wrong signature, stores it unlinked, and changes no state", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    const obj = transactionFor(attempt);
    const { rawBody } = signedTransaction(obj, EMULATOR_HMAC_SECRET);
    const forged = signedTransaction(obj, "guessed secret").hmac;
    expect(await json(await post(rawBody, `?hmac=${forged}`))).toEqual({
      status: 401,
      body: { ok: false, outcome: "rejected_signature" },
    });

    const state = await loadOrderState(t.db, order.id);
    expect([state.order.status, state.attempt(attempt.id)?.status, state.transactions.length]).toEqual([
      "awaiting_payment",
      "intended",
      0,
    ]);
    const [event] = await eventsForTransaction(t.db, obj.id);
    // Unverified, so kept as an excerpt (tests/integration/callback-unverified.test.ts).
    expect(event).toMatchObject({
      kind: "TRANSACTION",
      verification: "invalid",
      outcome: "rejected_signature",
      signature: forged,
      orderId: null,
      rawBody: rawBody.slice(0, 2048),
      bodyBytes: rawBody.length,
    });
  });

  it("401s a missing hmac, including one sent in a header or the body instead of the query", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    const obj = transactionFor(attempt);
    const { rawBody, hmac } = signedTransaction(obj, EMULATOR_HMAC_SECRET);
    expect((await post(rawBody)).status).toBe(401);
    expect((await post(rawBody, "", { "content-type": "application/json", hmac })).status).toBe(401);
    expect((await post(JSON.stringify({ ...JSON.parse(rawBody), hmac }))).status).toBe(401);
    expect((await loadOrderState(t.db, order.id)).order.status).toBe("awaiting_payment");
    const events = await eventsForTransaction(t.db, obj.id);
    expect(events.map((e) => e.verification)).toEqual(["missing", "missing", "missing"]);
  });

  it("400s malformed JSON and an unknown envelope, storing both as received", async () => {
    const garbage = `{"type":"TRANSACTION","obj":{"id":1,${Date.now()}`;
    expect(await json(await post(garbage, "?hmac=abc"))).toEqual({
      status: 400,
      body: { ok: false, outcome: "malformed" },
    });
    const [stored] = await t.db.select().from(paymentEvents).where(eq(paymentEvents.rawBody, garbage));
    expect(stored).toMatchObject({ kind: "UNKNOWN", verification: "invalid", outcome: "malformed" });

    const subscription = JSON.stringify({ type: "SUBSCRIPTION", obj: { id: 42 }, marker: Date.now() });
    expect((await post(subscription)).status).toBe(400);
    const [unknown] = await t.db.select().from(paymentEvents).where(eq(paymentEvents.rawBody, subscription));
    expect(unknown).toMatchObject({ kind: "UNKNOWN", verification: "missing", paymobTransactionId: 42 });
  });

  it("413s a 65 KB body, whether or not it declares its length, and stores nothing", async () => {
    const before = (await t.db.select({ id: paymentEvents.id }).from(paymentEvents)).length;
    const big = JSON.stringify({ type: "TRANSACTION", obj: { padding: "x".repeat(65 * 1024) } });
    const jsonType = { "content-type": "application/json" };
    expect(await json(await post(big, "?hmac=abc", { ...jsonType, "content-length": String(big.length) }))).toEqual({
      status: 413,
      body: { ok: false, outcome: "too_large" },
    });

    // Refused on the declared length alone, before reading a byte.
    expect((await post("{}", "?hmac=abc", { ...jsonType, "content-length": String(64 * 1024 + 1) })).status).toBe(413);

    const chunk = new TextEncoder().encode("x".repeat(1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // An endless body: the route must stop reading once past the limit.
        if (sent++ > 1000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    expect((await post(stream, "?hmac=abc", jsonType)).status).toBe(413);
    expect(sent).toBeLessThan(80);
    expect((await t.db.select({ id: paymentEvents.id }).from(paymentEvents)).length).toBe(before);
  });

  it("415s a body that is not declared JSON, before reading or storing anything, even when validly signed", async () => {
    const { order, attempt } = await createOrderWithAttempt(t.db);
    const obj = transactionFor(attempt);
    const { rawBody, hmac } = signedTransaction(obj, EMULATOR_HMAC_SECRET);
    const refused = [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/jsonp",
      "application/json-patch+json",
      "",
    ];
    for (const type of refused) {
      const headers: Record<string, string> = type ? { "content-type": type } : {};
      expect(await json(await post(rawBody, `?hmac=${hmac}`, headers)), type || "no content type").toEqual({
        status: 415,
        body: { ok: false, outcome: "unsupported_media_type" },
      });
    }
    expect(await eventsForTransaction(t.db, obj.id)).toEqual([]);
    expect((await loadOrderState(t.db, order.id)).order.status).toBe("awaiting_payment");

    // Parameters and letter case do not matter: still the JSON Paymob sends.
    expect((await post(rawBody, `?hmac=${hmac}`, { "content-type": "Application/JSON; charset=UTF-8" })).status).toBe(
      200,
    );
    expect((await loadOrderState(t.db, order.id)).order.status).toBe("paid");
  });

  it("accepts an uppercase or space-padded hmac as Paymob's lowercase hex, and refuses one with a space inside", async () => {
    const padded = [
      (h: string) => h.toUpperCase(),
      (h: string) => `%20${h}%20`,
      (h: string) => `+${h}+`,
      (h: string) => `%09${h.toUpperCase()}%0A`,
    ];
    for (const spell of padded) {
      const { order, attempt } = await createOrderWithAttempt(t.db);
      const { rawBody, hmac } = signedTransaction(transactionFor(attempt), EMULATOR_HMAC_SECRET);
      expect(await json(await post(rawBody, `?hmac=${spell(hmac)}`)), spell("…")).toEqual({
        status: 200,
        body: { ok: true, outcome: "applied" },
      });
      expect((await loadOrderState(t.db, order.id)).order.status).toBe("paid");
    }
    const { order, attempt } = await createOrderWithAttempt(t.db);
    const { rawBody, hmac } = signedTransaction(transactionFor(attempt), EMULATOR_HMAC_SECRET);
    const split = `${hmac.slice(0, 64)}%20${hmac.slice(64)}`;
    expect((await post(rawBody, `?hmac=${split}`)).status).toBe(401);
    expect((await loadOrderState(t.db, order.id)).order.status).toBe("awaiting_payment");
  });

  it("answers other methods with 405", async () => {
    const response = GET();
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });
});
