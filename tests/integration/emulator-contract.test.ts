import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EMULATOR_API_KEY, EMULATOR_SECRET_KEY } from "@/lib/paymob/emulator-credentials";
import { useTestDb } from "../helpers/db";
import { createTestIntention, payByCard, useEmulatorHarness, type CreatedIntention } from "../helpers/emulator-server";
import { shapeDiff, unexplained, type Allowed } from "../helpers/shape-diff";
import { testDbTarget } from "../helpers/test-db-target";

// Contract tests: every emulator answer has the keys and JSON types (null vs number vs string…) of a public
// Paymob sample (tests/fixtures/paymob-samples, sources in SOURCES.md there). Values never matter. Each allowed
// difference is listed with its reason, and an allowance nothing needs any more fails too, so the list stays true.

const t = useTestDb({ seed: false });

const sample = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(__dirname, "../fixtures/paymob-samples", name), "utf8"));

function expectShape(expected: unknown, actual: unknown, allowed: Allowed[] = []) {
  const { unexplained: left, unused } = unexplained(shapeDiff(expected, actual), allowed);
  expect(left, "differences from the sample that no allowance explains").toEqual([]);
  expect(unused, "allowances nothing needs any more").toEqual([]);
}

/** `extras` are the merchant's own keys (ours: order_ref, plus merchant_order_id that Paymob adds). */
const merchantExtras = (at: string, kinds: Allowed["kind"][]): Allowed[] =>
  kinds.map((kind) => ({
    path: `${at}.*`,
    kind,
    reason: "whatever the merchant sent as extras; the samples sent others",
  }));

/** Fields of the 2026 callback that describe a payment link rather than an intention. */
const PAYMENT_LINK = "the 2026 sample paid a payment link (api_source QUICKLINK), not an intention";

/** Differences between the emulator's transaction object and the 2026 EGY callback's `obj`. */
const VS_2026_OBJ: Allowed[] = [
  {
    path: "order.items[].quantity",
    kind: "extra",
    reason: `${PAYMENT_LINK}; intention orders carry quantity (2024 inquiry sample, 2025 KSA callback)`,
  },
  {
    path: "payment_key_claims.notification_url",
    kind: "extra",
    reason: "our intention sets notification_url; the 2024 inquiry and 2025 KSA samples echo it when set",
  },
  ...merchantExtras("payment_key_claims.extra", ["missing", "extra", "type"]),
  {
    path: "payment_key_claims.created_by",
    kind: "type",
    reason: `${PAYMENT_LINK} (created_by null); the 2025 KSA intention callback has the merchant's user id`,
  },
  {
    path: "data.refunded_amount",
    kind: "type",
    reason:
      "null until something is refunded, as in the 2024 docs and inquiry samples; the 2026 sample has 0. The line is " +
      "shared with the currency-exponent change (transaction-object.ts data amounts) and left to it",
  },
];

/** Refund, void and capture answers are child transactions: they point at the payment they act on. */
const VS_2026_CHILD: Allowed[] = [
  ...VS_2026_OBJ,
  { path: "parent_transaction", kind: "type", reason: "a child's parent id; the sample is a payment (null)" },
];

describe.skipIf(t.skipped)(`emulator answers against Paymob's public samples on ${testDbTarget()}`, () => {
  const h = useEmulatorHarness();
  const api = (route: string, body: unknown, auth = `Token ${EMULATOR_SECRET_KEY}`, method = "POST") =>
    fetch(`${h.emu.baseUrl}${route}`, {
      method,
      headers: { "content-type": "application/json", authorization: auth },
      body: method === "GET" ? undefined : JSON.stringify(body),
    });

  let intention: CreatedIntention;
  let created: unknown;
  let redirect: URL;
  let transactionId: number;
  const callbacks = () => h.receiver.received.filter((c) => c.path === `/cb/${intention.special_reference}`);

  beforeAll(async () => {
    const reference = `ORD-${Math.random().toString(36).slice(2, 10)}`;
    const res = await api("/v1/intention/", {
      amount: 35_000,
      currency: "EGP",
      payment_methods: ["card"],
      items: [{ name: "Aswan clay mug", amount: 35_000, quantity: 1, description: "Handmade" }],
      billing_data: { first_name: "Nour", last_name: "Hassan", email: "nour@example.com", phone_number: "+20100000" },
      extras: { order_ref: reference },
      special_reference: reference,
      notification_url: `${h.receiver.url}/cb/${reference}`,
      redirection_url: "https://shop.test/checkout/return",
    });
    expect(res.status).toBe(201);
    created = await res.json();
    intention = created as CreatedIntention;
    const paid = await payByCard(h.emu, intention, "5123456789012346", { save_card: "1" });
    redirect = new URL(paid.headers.get("location")!);
    transactionId = Number(redirect.searchParams.get("id"));
    await h.emu.settle();
  });

  it("create intention: the Postman collection's saved 201 answer", () => {
    expectShape(
      sample("create-intention.json"),
      created,
      merchantExtras("extras.creation_extras", ["missing", "extra"]),
    );
  });

  it("TRANSACTION callback: top level as in a 2025 KSA callback", () => {
    const body = callbacks().find((c) => (c.json as { type: string }).type === "TRANSACTION")!.json;
    expectShape(sample("transaction-callback-ksa-2025-top-level.json"), { ...(body as object), obj: {} }, [
      {
        path: "hmac",
        kind: "missing",
        reason:
          "Paymob sends hmac in the query string; the sample was logged from a framework that merges the query in",
      },
      {
        path: "transaction_processed_callback_responses",
        kind: "type",
        reason: `"" in the docs sample; the KSA sample went through Laravel, which turns empty strings into null`,
      },
    ]);
  });

  it("TRANSACTION callback: obj as in the 2026 EGY callback", () => {
    const body = callbacks().find((c) => (c.json as { type: string }).type === "TRANSACTION")!.json;
    expectShape(sample("transaction-2026.json"), (body as { obj: unknown }).obj, VS_2026_OBJ);
  });

  it("payment_key_claims.redirect_url is Paymob's status page, served with and without the trailing slash", async () => {
    const body = callbacks().find((c) => (c.json as { type: string }).type === "TRANSACTION")!.json;
    const target = new URL(
      (body as { obj: { payment_key_claims: { redirect_url: string } } }).obj.payment_key_claims.redirect_url,
    );
    // The samples' form (2024 docs and 2026 callbacks): no trailing slash; Postman's inquiry sample has one.
    expect(target.pathname).toMatch(/\/unifiedcheckout\/payment-status$/);
    expect([...target.searchParams.keys()]).toEqual(["payment_token", "trx_id"]);
    expect(target.searchParams.get("trx_id")).toBe(String(transactionId));
    for (const suffix of ["payment-status", "payment-status/"]) {
      const res = await fetch(`${h.emu.baseUrl}/unifiedcheckout/${suffix}${target.search}`);
      expect(res.status).toBe(200);
    }
  });

  it("TOKEN callback: as in a 2025 KSA callback and in Postman's order_card_tokens sample", () => {
    const body = callbacks().find((c) => (c.json as { type: string }).type === "TOKEN")!.json;
    expectShape(sample("token-callback-ksa-2025.json"), body);
    expectShape((sample("token-order-card-tokens.json") as unknown[])[0], body);
  });

  it("browser redirect: the query keys of a 2026 redirect, in the same order", () => {
    const keys = [...redirect.searchParams.keys()];
    const expected = (sample("redirect-query-2026.json") as [string, string][]).map(([k]) => k);
    // The 2026-01 sample predates the *_int twins that the 2026 callbacks carry at the top level (see
    // transaction-2026.json); a 2026-08 redirect in public code has them at exactly these places.
    const INT_TWINS = [
      "amount_cents_int",
      "refunded_amount_cents_int",
      "captured_amount_int",
      "settlement_amount_cents_int",
      "accept_fees_cents_int",
      "vat_cents_int",
    ];
    expect(keys.filter((k) => !INT_TWINS.includes(k))).toEqual(expected);
  });

  it("transaction inquiry and GET transactions/{id}: Postman's saved answer", async () => {
    const login = await api("/api/auth/tokens", { api_key: EMULATOR_API_KEY });
    const { token } = (await login.json()) as { token: string };
    const byOrder = await api(
      "/api/ecommerce/orders/transaction_inquiry",
      { merchant_order_id: intention.special_reference },
      `Bearer ${token}`,
    );
    const byId = await api(`/api/acceptance/transactions/${transactionId}`, null, `Bearer ${token}`, "GET");
    const newer = "fields 2026 callbacks carry (transaction-2026.json) that this 2024 sample predates";
    const allowed: Allowed[] = [
      ...[
        "accept_fees",
        "amount_cents_int",
        "refunded_amount_cents_int",
        "captured_amount_int",
        "settlement_amount_cents_int",
        "accept_fees_cents_int",
        "vat_cents_int",
        "vat_cents_float",
        "order.payment_status",
        "order.terminal_version",
        "order.payme_details",
        "payment_key_claims.exp",
        "payment_key_claims.created_by",
        "payment_key_claims.is_partner",
        "data.migs_order.reference",
        "data.migs_transaction.reference",
      ].map((p) => ({ path: p, kind: "extra" as const, reason: newer })),
      {
        path: "data.migs_order.totalDisbursedAmount",
        kind: "missing",
        reason: "absent from the 2025 and 2026 samples",
      },
      {
        path: "data.migs_order.description",
        kind: "extra",
        reason: "absent from this sample only; the 2024 docs and 2026 callbacks have it",
      },
      ...["merchant_commission", "order.commission_fees", "order.delivery_fees_cents", "order.delivery_vat_cents"].map(
        (p) => ({ path: p, kind: "type" as const, reason: "null in 2024 samples, 0 in the 2025 and 2026 callbacks" }),
      ),
      ...[
        "refunded_amount_cents",
        "captured_amount",
        "data.migs_order.totalRefundedAmount",
        "data.migs_order.chargeback.amount",
      ].map((p) => ({
        path: p,
        kind: "type" as const,
        reason: "null in 2024 samples, 0 in the 2025 and 2026 callbacks",
      })),
      ...merchantExtras("payment_key_claims.extra", ["missing", "extra"]),
    ];
    for (const res of [byOrder, byId]) {
      expect(res.status).toBe(200);
      expectShape(sample("transaction-inquiry.json"), await res.json(), allowed);
    }
  });

  it("refund, void and capture answers: the transaction object of the 2026 callback", async () => {
    // No public sample of a current refund/void/capture answer exists; Paymob answers with the child
    // transaction object (Postman "Refund & Void & Capture APIs"), so it is held to the callback's obj.
    const refund = await api("/api/acceptance/void_refund/refund", {
      transaction_id: transactionId,
      amount_cents: 100,
    });
    expect(refund.status).toBe(200);
    expectShape(sample("transaction-2026.json"), await refund.json(), VS_2026_CHILD);

    const other = await createTestIntention(h.emu, h.receiver.url, { payment_methods: ["card"] });
    const authorised = await payByCard(h.emu, other, "4000000000000705");
    const authId = Number(new URL(authorised.headers.get("location")!).searchParams.get("id"));
    await h.emu.settle();
    const capture = await api("/api/acceptance/capture", { transaction_id: authId, amount_cents: 35_000 });
    expect(capture.status).toBe(200);
    expectShape(sample("transaction-2026.json"), await capture.json(), VS_2026_CHILD);
    const third = await createTestIntention(h.emu, h.receiver.url, { payment_methods: ["card"] });
    const sale = await payByCard(h.emu, third, "5123456789012346");
    const saleId = Number(new URL(sale.headers.get("location")!).searchParams.get("id"));
    await h.emu.settle();
    const voided = await api("/api/acceptance/void_refund/void", { transaction_id: saleId });
    expect(voided.status).toBe(200);
    expectShape(sample("transaction-2026.json"), await voided.json(), VS_2026_CHILD);
    await h.emu.settle();
  });

  it("auth token: a 2023 login answer", async () => {
    const res = await api("/api/auth/tokens", { api_key: EMULATOR_API_KEY });
    expect(res.status).toBe(201);
    expectShape(sample("auth-tokens.json"), await res.json(), [
      {
        path: "profile.*",
        kind: "missing",
        reason: "the merchant's dashboard profile (settlement, bank, OTP settings): nothing the API flow reads",
      },
      { path: "sso_token", kind: "missing", reason: "dashboard single sign-on; no API client uses it" },
      { path: "sso_refresh_token", kind: "missing", reason: "as above" },
    ]);
  });
});
