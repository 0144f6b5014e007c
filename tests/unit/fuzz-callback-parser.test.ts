import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCallbackBody, verifyCallback, type CallbackParseResult } from "@/lib/paymob/callbacks";
import { TRANSACTION_HMAC_FIELDS, signToken, signTransaction } from "@/lib/paymob/hmac";
import docsTx from "../fixtures/callbacks/docs-transaction-2024.json";
import xdotToken from "../fixtures/callbacks/xdot-token.json";
import { callbackCaseArb, expectedKind, SIGNED_FIELDS, valueAt } from "../helpers/callback-arbitraries";
import { fuzz, fuzzTestTimeout, type FuzzBudget } from "../helpers/fuzz";
import { mutatedBodyArb } from "../helpers/fuzz-payloads";

// Property-based fuzzing of the callback body parser: it is the first thing every anonymous POST reaches.
// Every case is judged against the contract (helpers/callback-arbitraries.ts): accept exactly the bodies
// whose signed fields are all present with their exact JSON types, keep every signed value as sent (so the
// HMAC over what was sent is the HMAC over what we parsed), refuse the rest without throwing, and never let
// the fields Paymob does not sign decide anything.

const BUDGET: FuzzBudget = { numRuns: 3_000, minRuns: 300, timeLimitMs: 30_000 };
const SMALL: FuzzBudget = { numRuns: 500, minRuns: 100, timeLimitMs: 20_000 };
const SECRET = "FUZZ0PARSER0SECRET";
const docsBase = docsTx.payload as unknown as { type: string; obj: Record<string, unknown> };
const tokenBase = xdotToken.payload as unknown as { type: string; obj: Record<string, unknown> };

/** Whether `raw` is JSON at all (then the contract judges its content), as the parser must decide it. */
function jsonOf(raw: string): { json: true; value: unknown } | { json: false } {
  try {
    return { json: true, value: JSON.parse(raw) };
  } catch {
    return { json: false };
  }
}

/** The one assertion every case makes: the parser's verdict is the contract's, kept values included. */
function expectContractVerdict(raw: string, result: CallbackParseResult, what: string): "accepted" | "refused" {
  const parsed = jsonOf(raw);
  if (!parsed.json) {
    expect(result, what).toMatchObject({ ok: false, reason: "invalid_json" });
    return "refused";
  }
  const kind = expectedKind(parsed.value);
  if (kind === null) {
    expect(result, what).toMatchObject({ ok: false, reason: "invalid_payload" });
    if (!result.ok)
      for (const n of [result.hint.transactionId, result.hint.paymobOrderId])
        if (n !== undefined) expect(Number.isSafeInteger(n), `${what}: hint ${n}`).toBe(true);
    return "refused";
  }
  expect(result.ok, `${what}: ${result.ok ? "" : result.message}`).toBe(true);
  if (!result.ok) return "refused";
  expect(result.callback.kind, what).toBe(kind);
  const sent = (parsed.value as { obj: unknown }).obj;
  for (const field of SIGNED_FIELDS[kind])
    expect(valueAt(result.callback.obj, field), `${what}: ${field}`).toStrictEqual(valueAt(sent, field));
  // So the signature over what was sent is the signature over what we parsed.
  const signature = kind === "TRANSACTION" ? signTransaction(SECRET, sent) : signToken(SECRET, sent);
  expect(verifyCallback(SECRET, result.callback, signature), what).toBe("valid");
  return "accepted";
}

describe("fuzz: parseCallbackBody", () => {
  it(
    "judges any text: not JSON is invalid_json, JSON is judged by the contract",
    async () => {
      await fuzz(
        BUDGET,
        [
          fc.oneof(
            fc.string({ unit: "binary", maxLength: 2_000 }),
            fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
          ),
        ],
        (raw) => {
          expectContractVerdict(raw, parseCallbackBody(raw), "arbitrary text");
        },
      );
    },
    fuzzTestTimeout(BUDGET),
  );

  it(
    "accepts exactly the two callback shapes: generated valid callbacks, single mutations of them, arbitrary JSON",
    async () => {
      const verdicts = { accepted: 0, refused: 0 };
      const { runs } = await fuzz(BUDGET, [callbackCaseArb], ({ body, what }) => {
        const raw = JSON.stringify(body);
        verdicts[expectContractVerdict(raw, parseCallbackBody(raw), what)]++;
      });
      // Both halves of the property were exercised, not just one.
      expect(verdicts.accepted + verdicts.refused).toBe(runs);
      expect(verdicts.accepted, JSON.stringify(verdicts)).toBeGreaterThan(runs * 0.25);
      expect(verdicts.refused, JSON.stringify(verdicts)).toBeGreaterThan(runs * 0.25);
    },
    fuzzTestTimeout(BUDGET),
  );

  it(
    "mutated real payloads (Paymob's documented callback): the contract's verdict, signed values kept",
    async () => {
      await fuzz(BUDGET, [mutatedBodyArb(docsBase)], (mutation) => {
        expectContractVerdict(mutation.rawBody, parseCallbackBody(mutation.rawBody), mutation.what);
      });
    },
    fuzzTestTimeout(BUDGET),
  );

  it(
    "keeps accepting a real payment whatever happens to the fields Paymob does not sign",
    async () => {
      await fuzz(BUDGET, [mutatedBodyArb(docsBase).filter((m) => m.unsignedOnly)], (mutation) => {
        const result = parseCallbackBody(mutation.rawBody);
        expect(result.ok, `${mutation.what} was rejected: ${result.ok ? "" : result.message}`).toBe(true);
      });
    },
    fuzzTestTimeout(BUDGET),
  );

  it(
    "refuses a signed field of the wrong type instead of coercing it",
    async () => {
      const typed = TRANSACTION_HMAC_FIELDS.filter(
        (f) => typeof valueAt(docsBase.obj, f) === "number" || typeof valueAt(docsBase.obj, f) === "boolean",
      );
      await fuzz(
        SMALL,
        [fc.constantFrom(...typed), fc.constantFrom("string", "object", "array", "float")],
        (field, as) => {
          const body = structuredClone(docsBase);
          const original = valueAt(body.obj, field);
          const replacement =
            as === "string"
              ? String(original)
              : as === "object"
                ? { value: original }
                : as === "array"
                  ? [original]
                  : typeof original === "number"
                    ? original + 0.5
                    : 0.5;
          const keys = field.split(".");
          const parent = keys
            .slice(0, -1)
            .reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, body.obj);
          parent[keys.at(-1)!] = replacement;
          expect(parseCallbackBody(JSON.stringify(body)).ok, `${field} as ${as}`).toBe(false);
        },
      );
    },
    fuzzTestTimeout(SMALL),
  );

  it(
    "mutated real TOKEN bodies: the contract's verdict, signed values kept",
    async () => {
      await fuzz({ ...BUDGET, numRuns: 1_000, minRuns: 200 }, [mutatedBodyArb(tokenBase)], (mutation) => {
        expectContractVerdict(mutation.rawBody, parseCallbackBody(mutation.rawBody), mutation.what);
      });
    },
    fuzzTestTimeout(BUDGET),
  );
});
