import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCallbackBody, readStoredTransaction } from "@/lib/paymob/callbacks";
import { clearAuthTokenCache, inquireTransaction } from "@/lib/paymob/transactions";

import { fakeFetch, json, TEST_PAYMOB_CONFIG } from "./paymob-fake-fetch";

// The store's parsers take every public sample the emulator is held to (tests/fixtures/paymob-samples): the
// nulls of 2024 payloads, the 0s and *_int twins of 2025–2026 ones, the migs_* blocks, unique_ref, "+04:00".

const sample = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(__dirname, "../fixtures/paymob-samples", name), "utf8"));

describe("public Paymob samples through the store's parsers", () => {
  it.each([
    ["transaction-callback-docs-2024.json", sample("transaction-callback-docs-2024.json")],
    ["transaction-2026.json", { type: "TRANSACTION", obj: sample("transaction-2026.json") }],
    ["transaction-inquiry.json", { type: "TRANSACTION", obj: sample("transaction-inquiry.json") }],
  ])("a TRANSACTION callback shaped like %s", (_, body) => {
    const parsed = parseCallbackBody(JSON.stringify(body));
    expect(parsed.ok).toBe(true);
    expect(readStoredTransaction(JSON.stringify(body))).toMatchObject({ success: true, pending: false });
  });

  it.each(["token-callback-ksa-2025.json"])("a TOKEN callback shaped like %s", (name) => {
    const parsed = parseCallbackBody(JSON.stringify(sample(name)));
    expect(parsed.ok && parsed.callback.kind).toBe("TOKEN");
  });

  it("an inquiry answer with unique_ref and null amounts", async () => {
    const fetch = fakeFetch(json({ token: "auth-token" }, 201), json(sample("transaction-inquiry.json")));
    clearAuthTokenCache();
    const config = { ...TEST_PAYMOB_CONFIG, apiKey: "samples-api-key" };
    const answer = await inquireTransaction(config, { orderId: 690898 }, fetch.impl);
    expect(answer.transaction).toMatchObject({ success: true });
  });
});
