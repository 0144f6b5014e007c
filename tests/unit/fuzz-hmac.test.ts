import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzz, fuzzTestTimeout, type FuzzBudget } from "../helpers/fuzz";
import {
  REDIRECT_HMAC_FIELDS,
  TOKEN_HMAC_FIELDS,
  TRANSACTION_HMAC_FIELDS,
  hmacValue,
  signRedirect,
  signToken,
  signTransaction,
  signaturesMatch,
  transactionHmacMessage,
  verifyRedirect,
  verifyToken,
  verifyTransaction,
} from "@/lib/paymob/hmac";

// Property-based fuzzing of the HMAC layer: whatever arrives (any object, any signature string, any secret),
// verification answers true or false without throwing, and true only for the signature over exactly the
// values Paymob signs.

const BUDGET: FuzzBudget = { numRuns: 2_000, minRuns: 200, timeLimitMs: 30_000 };
const TIMEOUT = fuzzTestTimeout(BUDGET);
const secretArb = fc.string({ minLength: 1, maxLength: 64, unit: "grapheme" });
/** What a signed field can hold in a real or hostile payload. */
const valueArb = fc.oneof(
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
);
const junkArb = fc.anything({ maxDepth: 3 });

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== "object" || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

/** A transaction object with a value at every signed path, plus unsigned extras. */
const transactionArb = fc
  .record({
    values: fc.tuple(...TRANSACTION_HMAC_FIELDS.map(() => valueArb)),
    extras: fc.dictionary(
      fc.string({ maxLength: 12 }).filter((k) => !TRANSACTION_HMAC_FIELDS.some((f) => f.split(".")[0] === k)),
      junkArb,
      { maxKeys: 5 },
    ),
  })
  .map(({ values, extras }) => {
    const obj: Record<string, unknown> = structuredClone(extras);
    TRANSACTION_HMAC_FIELDS.forEach((field, i) => setPath(obj, field, values[i]));
    return obj;
  });

const hexArb = fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 128, maxLength: 128 });

describe("fuzz: HMAC sign/verify", () => {
  it(
    "round-trips any transaction object under any secret, case- and whitespace-tolerant on the hex",
    async () => {
      await fuzz(BUDGET, [secretArb, transactionArb], (secret, obj) => {
        const hmac = signTransaction(secret, obj);
        expect(hmac).toMatch(/^[0-9a-f]{128}$/);
        expect(verifyTransaction(secret, obj, hmac)).toBe(true);
        expect(verifyTransaction(secret, obj, ` ${hmac.toUpperCase()}\n`)).toBe(true);
      });
    },
    TIMEOUT,
  );

  it(
    "rejects a signature made with another secret",
    async () => {
      await fuzz(BUDGET, [secretArb, secretArb, transactionArb], (secret, other, obj) => {
        fc.pre(secret !== other);
        expect(verifyTransaction(secret, obj, signTransaction(other, obj))).toBe(false);
      });
    },
    TIMEOUT,
  );

  it(
    "rejects the original signature once any signed value changes its string form",
    async () => {
      await fuzz(
        BUDGET,
        [secretArb, transactionArb, fc.nat({ max: TRANSACTION_HMAC_FIELDS.length - 1 }), valueArb],
        (secret, obj, index, replacement) => {
          const hmac = signTransaction(secret, obj);
          const field = TRANSACTION_HMAC_FIELDS[index]!;
          const tampered = structuredClone(obj);
          setPath(tampered, field, replacement);
          const changed = transactionHmacMessage(tampered) !== transactionHmacMessage(obj);
          // Paymob's format has no separators, so only a change of the concatenated message is detectable at all.
          expect(verifyTransaction(secret, tampered, hmac)).toBe(!changed);
        },
      );
    },
    TIMEOUT,
  );

  it(
    "ignores everything Paymob does not sign",
    async () => {
      await fuzz(
        BUDGET,
        [secretArb, transactionArb, fc.string({ maxLength: 16 }), junkArb],
        (secret, obj, key, junk) => {
          fc.pre(!TRANSACTION_HMAC_FIELDS.some((f) => f.split(".")[0] === key) && key !== "__proto__");
          const hmac = signTransaction(secret, obj);
          expect(verifyTransaction(secret, { ...obj, [key]: junk }, hmac)).toBe(true);
        },
      );
    },
    TIMEOUT,
  );

  it(
    "accepts exactly the expected signature, in any case and surrounding whitespace, and nothing else",
    async () => {
      // Derived from the expected signature, so acceptance is exercised as much as refusal.
      const received = fc.oneof(
        fc.constantFrom("exact", "upper", "padded", "one char changed", "truncated", "doubled"),
        fc
          .oneof(
            fc.string({ unit: "binary", maxLength: 300 }),
            hexArb,
            fc.constant(null),
            fc.constant(undefined),
            fc.constant(""),
          )
          .map((value) => ({ value })),
      );
      const verdicts = { accepted: 0, refused: 0 };
      await fuzz(
        BUDGET,
        [secretArb, fc.oneof(transactionArb, junkArb), received, fc.nat({ max: 127 })],
        (secret, obj, how, position) => {
          const expected = signTransaction(secret, obj);
          const flipped =
            expected.slice(0, position) + (expected[position] === "0" ? "1" : "0") + expected.slice(position + 1);
          const derived = {
            exact: expected,
            upper: expected.toUpperCase(),
            padded: ` ${expected}\n`,
            "one char changed": flipped,
            truncated: expected.slice(0, position),
            doubled: expected + expected,
          };
          const hmac = typeof how === "string" ? derived[how] : (how.value as string | null | undefined);
          const result = verifyTransaction(secret, obj, hmac);
          expect(result).toBe(typeof hmac === "string" && hmac.trim().toLowerCase() === expected);
          verdicts[result ? "accepted" : "refused"]++;
        },
      );
      expect(verdicts.accepted, JSON.stringify(verdicts)).toBeGreaterThan(0.2 * (verdicts.accepted + verdicts.refused));
      expect(verdicts.refused, JSON.stringify(verdicts)).toBeGreaterThan(0.2 * (verdicts.accepted + verdicts.refused));
    },
    TIMEOUT,
  );

  it(
    "detects any single-character change of a valid signature",
    async () => {
      await fuzz(
        BUDGET,
        [secretArb, transactionArb, fc.nat({ max: 127 }), fc.constantFrom(..."0123456789abcdefg z")],
        (secret, obj, position, char) => {
          const hmac = signTransaction(secret, obj);
          fc.pre(hmac[position] !== char);
          const mutated = hmac.slice(0, position) + char + hmac.slice(position + 1);
          expect(verifyTransaction(secret, obj, mutated)).toBe(false);
          expect(verifyTransaction(secret, obj, hmac.slice(0, position))).toBe(false); // truncated
          // Surrounding whitespace is tolerated on purpose (trimmed); any other extra character is not.
          expect(verifyTransaction(secret, obj, hmac + char)).toBe(char.trim() === "");
        },
      );
    },
    TIMEOUT,
  );

  it(
    "signaturesMatch: true only for the same 128 hex digits, whatever the case or surrounding whitespace",
    async () => {
      const expectedArb = fc.oneof(hexArb, fc.string({ unit: "binary", maxLength: 200 }));
      const receivedArb = (expected: string) =>
        fc.oneof(
          fc.constantFrom(expected, expected.toUpperCase(), `\t${expected} `, expected.slice(1), `${expected}0`),
          fc.option(fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), hexArb), { nil: null }),
        );
      await fuzz(
        BUDGET,
        [expectedArb.chain((expected) => fc.tuple(fc.constant(expected), receivedArb(expected)))],
        ([expected, received]) => {
          const wellFormed = /^[0-9a-f]{128}$/.test(expected);
          expect(signaturesMatch(expected, received)).toBe(
            wellFormed && received !== null && received.trim().toLowerCase() === expected,
          );
        },
      );
    },
    TIMEOUT,
  );

  it(
    "stringifies values the way Paymob does: lowercase booleans, numbers as written, strings verbatim, anything else empty",
    async () => {
      await fuzz(BUDGET, [fc.oneof(valueArb, junkArb)], (value) => {
        const text = hmacValue(value);
        if (typeof value === "string") expect(text).toBe(value);
        else if (typeof value === "boolean") expect(text).toBe(value ? "true" : "false");
        else if (typeof value === "bigint") expect(BigInt(text)).toBe(value);
        // Written back as the same number (-0 is written "0", as JSON would).
        else if (typeof value === "number") expect(Number(text)).toBe(Object.is(value, -0) ? 0 : value);
        else expect(text).toBe("");
      });
    },
    TIMEOUT,
  );

  it(
    "TOKEN callbacks: round trip, tamper detection, junk tolerance",
    async () => {
      const tokenArb = fc
        .tuple(...TOKEN_HMAC_FIELDS.map(() => valueArb))
        .map((values) => Object.fromEntries(TOKEN_HMAC_FIELDS.map((f, i) => [f, values[i]])));
      await fuzz(
        BUDGET,
        [secretArb, tokenArb, fc.nat({ max: TOKEN_HMAC_FIELDS.length - 1 }), fc.string({ minLength: 1, maxLength: 8 })],
        (secret, obj, index, suffix) => {
          const hmac = signToken(secret, obj);
          expect(verifyToken(secret, obj, hmac)).toBe(true);
          const field = TOKEN_HMAC_FIELDS[index]!;
          // Appending text to one value and removing none always changes the concatenation's length.
          const tampered = { ...obj, [field]: `${hmacValue(obj[field])}${suffix}` };
          expect(verifyToken(secret, tampered, hmac)).toBe(false);
        },
      );
    },
    TIMEOUT,
  );

  it(
    "browser redirects: round trip over any query, and any re-encoding-safe tamper is caught",
    async () => {
      const queryArb = fc.record({
        values: fc.array(fc.string({ unit: "grapheme", maxLength: 20 }), {
          minLength: REDIRECT_HMAC_FIELDS.length,
          maxLength: REDIRECT_HMAC_FIELDS.length,
        }),
        extras: fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 4 }),
      });
      await fuzz(
        BUDGET,
        [secretArb, queryArb, fc.nat({ max: REDIRECT_HMAC_FIELDS.length - 1 })],
        (secret, { values, extras }, index) => {
          const query = new URLSearchParams();
          for (const [k, v] of Object.entries(extras))
            if (!(REDIRECT_HMAC_FIELDS as string[]).includes(k) && k !== "hmac") query.append(k, v);
          REDIRECT_HMAC_FIELDS.forEach((f, i) => query.set(f, values[i]!));
          query.set("hmac", signRedirect(secret, query));
          // What the browser brings back went through a URL: encode and decode it like one.
          const back = new URLSearchParams(new URL(`https://shop.test/checkout/return?${query}`).search);
          expect(verifyRedirect(secret, back)).toBe(true);
          const field = REDIRECT_HMAC_FIELDS[index]!;
          back.set(field, `${back.get(field)}x`);
          expect(verifyRedirect(secret, back)).toBe(false);
        },
      );
    },
    TIMEOUT,
  );
});
