import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCallbackBody, verifyCallback } from "@/lib/paymob/callbacks";
import { TRANSACTION_HMAC_FIELDS, signTransaction } from "@/lib/paymob/hmac";
import docsTx from "../fixtures/callbacks/docs-transaction-2024.json";
import xdotToken from "../fixtures/callbacks/xdot-token.json";
import { mutatedBodyArb } from "../integration/fuzz-payloads";

// Property-based fuzzing of the callback body parser: it is the first thing every anonymous POST reaches.
// It must never throw, must keep every signed field exactly as sent (no coercion), must refuse a signed field
// of the wrong type, and must keep accepting a real payment whatever happens to the fields Paymob does not sign.

const RUNS = 3_000;
const base = docsTx.payload as unknown as { type: string; obj: Record<string, unknown> };
const SECRET = "FUZZ0PARSER0SECRET";

function get(obj: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined), obj);
}

describe("fuzz: parseCallbackBody", () => {
  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 2_000 }), (raw) => {
        const result = parseCallbackBody(raw);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: RUNS },
    );
  });

  it("never throws on arbitrary JSON, and only accepts the two callback shapes", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const result = parseCallbackBody(JSON.stringify(value));
        if (result.ok) expect(["TRANSACTION", "TOKEN"]).toContain((value as { type: string }).type);
      }),
      { numRuns: RUNS },
    );
  });

  it("mutated real payloads: no throw; accepted ones keep every signed value byte-for-byte; hints are plain numbers", () => {
    fc.assert(
      fc.property(mutatedBodyArb(base), (mutation) => {
        const result = parseCallbackBody(mutation.rawBody);
        if (result.ok) {
          expect(result.callback.kind).toBe("TRANSACTION");
          const sent = (JSON.parse(mutation.rawBody) as { obj: unknown }).obj;
          for (const field of TRANSACTION_HMAC_FIELDS) expect(get(result.callback.obj, field), `${mutation.what}: ${field}`).toStrictEqual(get(sent, field));
          // So the signature over what was sent is the signature over what we parsed.
          expect(verifyCallback(SECRET, result.callback, signTransaction(SECRET, sent))).toBe("valid");
        } else {
          for (const n of [result.hint.transactionId, result.hint.paymobOrderId]) if (n !== undefined) expect(Number.isSafeInteger(n)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("keeps accepting a real payment whatever happens to the fields Paymob does not sign", () => {
    fc.assert(
      fc.property(
        mutatedBodyArb(base).filter((m) => m.unsignedOnly),
        (mutation) => {
          const result = parseCallbackBody(mutation.rawBody);
          expect(result.ok, `${mutation.what} was rejected: ${result.ok ? "" : result.message}`).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("refuses a signed field of the wrong type instead of coercing it", () => {
    const typed = TRANSACTION_HMAC_FIELDS.filter((f) => typeof get(base.obj, f) === "number" || typeof get(base.obj, f) === "boolean");
    fc.assert(
      fc.property(fc.constantFrom(...typed), fc.constantFrom("string", "object", "array", "float"), (field, as) => {
        const body = structuredClone(base);
        const original = get(body.obj, field);
        const replacement = as === "string" ? String(original) : as === "object" ? { value: original } : as === "array" ? [original] : typeof original === "number" ? original + 0.5 : 0.5;
        const keys = field.split(".");
        const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, body.obj);
        parent[keys.at(-1)!] = replacement;
        expect(parseCallbackBody(JSON.stringify(body)).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("TOKEN bodies: no throw on mutation, signed values kept", () => {
    const token = xdotToken.payload as unknown as { type: string; obj: Record<string, unknown> };
    fc.assert(
      fc.property(mutatedBodyArb(token), (mutation) => {
        const result = parseCallbackBody(mutation.rawBody);
        if (result.ok && result.callback.kind === "TOKEN") {
          const sent = (JSON.parse(mutation.rawBody) as { obj: Record<string, unknown> }).obj;
          for (const field of ["card_subtype", "created_at", "email", "id", "masked_pan", "merchant_id", "order_id", "token"]) expect(get(result.callback.obj, field)).toStrictEqual(sent[field]);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
