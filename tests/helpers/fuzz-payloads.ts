// Mutations of real-shaped Paymob callbacks for the fuzz tests (tests/unit/fuzz-*.test.ts and
// tests/integration/fuzz-callback.test.ts). Each case says what it did, so a failure names the mutation.
import fc from "fast-check";
import { TRANSACTION_HMAC_FIELDS } from "@/lib/paymob/hmac";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type MutatedBody = {
  rawBody: string;
  /** The mutated `obj` when the body is still an object with one (what a re-signer would sign). */
  obj?: unknown;
  /** Which mutation, for failure messages. */
  what: string;
  /** Whether only unsigned parts changed (a parser must still accept those). */
  unsignedOnly: boolean;
};

const SIGNED_PATHS = new Set<string>(TRANSACTION_HMAC_FIELDS);
/** A path is "signed" when it is a signed field or a container of one (removing `order` removes `order.id`). */
export const touchesSigned = (path: string) => [...SIGNED_PATHS].some((f) => f === path || f.startsWith(`${path}.`));

/** Every key path of an object, to the given depth, e.g. `amount_cents`, `order.id`, `data.message`. */
export function pathsOf(value: unknown, depth = 3, prefix = ""): string[] {
  if (depth === 0 || typeof value !== "object" || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...pathsOf(child, depth - 1, path)];
  });
}

function edit(
  obj: Record<string, unknown>,
  path: string,
  change: (parent: Record<string, unknown>, key: string) => void,
) {
  const keys = path.split(".");
  let node: unknown = obj;
  for (const key of keys.slice(0, -1)) {
    if (typeof node !== "object" || node === null) return;
    node = (node as Record<string, unknown>)[key];
  }
  if (typeof node === "object" && node !== null) change(node as Record<string, unknown>, keys.at(-1)!);
}

const hugeNumbers = [
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  1e21,
  1e308,
  -1,
  -0,
  0.5,
  1e-7,
];
const strangeStrings = [
  "",
  " ",
  "\u0000",
  "null",
  "true",
  "0",
  "١٢٣",
  "💳💸",
  "\u202e",
  "a".repeat(5_000),
  "<script>alert(1)</script>",
  "'; drop table orders; --",
  "\ud800",
];

/** A replacement value of any JSON type, biased to edge cases. */
export const jsonValueArb: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(...hugeNumbers, ...strangeStrings, null, true, false, [], {}),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>,
);

/** Retypes a value: the same information in another JSON type (100 → "100", true → "true", "x" → ["x"]). */
function retype(value: unknown, variant: number): Json {
  const options: Json[] = [
    String(value),
    Number(value) || 0,
    Boolean(value),
    [value as Json],
    { value: value as Json },
    null,
  ];
  return options[variant % options.length]!;
}

/**
 * Mutations of one valid callback body `{type, obj, …}`: structural (remove, retype, replace, add junk) on
 * any path of `obj` or the envelope, and textual (truncate, splice bytes, duplicate keys, padding).
 */
export function mutatedBodyArb(
  base: { type: string; obj: Record<string, unknown> } & Record<string, unknown>,
): fc.Arbitrary<MutatedBody> {
  const objPaths = pathsOf(base.obj);
  const envelopePaths = Object.keys(base).filter((k) => k !== "obj");
  const text = JSON.stringify(base);

  const structural = fc
    .record({
      path: fc.constantFrom(...objPaths),
      op: fc.constantFrom("remove", "retype", "replace", "nest"),
      variant: fc.nat(),
      value: jsonValueArb,
    })
    .map(({ path, op, variant, value }): MutatedBody => {
      const body = structuredClone(base);
      edit(body.obj, path, (parent, key) => {
        if (op === "remove") delete parent[key];
        else if (op === "retype") parent[key] = retype(parent[key], variant);
        else if (op === "replace") parent[key] = value;
        else parent[key] = { junk: value, inner: { deeper: [value, value] } };
      });
      const unsignedOnly = !touchesSigned(path);
      return { rawBody: JSON.stringify(body), obj: body.obj, what: `${op} obj.${path}`, unsignedOnly };
    });

  const extraKeys = fc
    .dictionary(fc.string({ minLength: 1, maxLength: 12 }), jsonValueArb, { minKeys: 1, maxKeys: 6 })
    .map((extra): MutatedBody => {
      const body = structuredClone(base);
      const added: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(extra)) {
        // Only new keys: a key that exists (a signed field, say) is the "replace" mutation's job.
        if (!(key in body.obj) && key !== "__proto__") added[key] = value;
      }
      Object.assign(body.obj, added);
      return {
        rawBody: JSON.stringify(body),
        obj: body.obj,
        what: `add obj keys ${Object.keys(added).join(",")}`,
        unsignedOnly: true,
      };
    });

  const envelope = fc
    .record({ path: fc.constantFrom("type", "obj", ...envelopePaths), value: jsonValueArb, remove: fc.boolean() })
    .map(({ path, value, remove }): MutatedBody => {
      const body: Record<string, unknown> = structuredClone(base);
      if (remove) delete body[path];
      else body[path] = value;
      const obj = typeof body.obj === "object" && body.obj !== null ? body.obj : undefined;
      return {
        rawBody: JSON.stringify(body),
        obj,
        what: `${remove ? "remove" : "replace"} ${path}`,
        unsignedOnly: path !== "type" && path !== "obj",
      };
    });

  const textual = fc.oneof(
    fc
      .nat({ max: text.length - 1 })
      .map((at): MutatedBody => ({ rawBody: text.slice(0, at), what: `truncate at ${at}`, unsignedOnly: false })),
    fc
      .record({ at: fc.nat({ max: text.length }), insert: fc.string({ unit: "binary", minLength: 1, maxLength: 4 }) })
      .map(({ at, insert }): MutatedBody => ({
        rawBody: text.slice(0, at) + insert + text.slice(at),
        what: `splice ${JSON.stringify(insert)} at ${at}`,
        unsignedOnly: false,
      })),
    fc.constantFrom(...TRANSACTION_HMAC_FIELDS.filter((f) => !f.includes("."))).chain((field) =>
      jsonValueArb.map((value): MutatedBody => {
        // A duplicated key in front of the real one: JSON.parse keeps the last (original) value; a parser that
        // kept the first would read another.
        // A replacer function, so "$&"-like text in the value is not read as a replacement pattern.
        const rawBody = text.replace('"obj":{', () => `"obj":{"${field}":${JSON.stringify(value)},`);
        const parsed = JSON.parse(rawBody) as { obj: unknown };
        return { rawBody, obj: parsed.obj, what: `duplicate key ${field}`, unsignedOnly: false };
      }),
    ),
    fc
      .constantFrom(
        "",
        " ",
        "null",
        "[]",
        "{}",
        '"TRANSACTION"',
        "0",
        '{"type":"TRANSACTION"}',
        '{"type":"TRANSACTION","obj":null}',
        '{"type":"TOKEN","obj":{}}',
        "\ufeff" + text,
      )
      .map((rawBody): MutatedBody => ({
        rawBody,
        what: `fixed ${JSON.stringify(rawBody.slice(0, 30))}`,
        unsignedOnly: false,
      })),
    fc.nat({ max: 80_000 }).map((size): MutatedBody => {
      const body = structuredClone(base);
      (body.obj as Record<string, unknown>).padding = "x".repeat(size);
      return { rawBody: JSON.stringify(body), obj: body.obj, what: `pad ${size} bytes`, unsignedOnly: true };
    }),
  );

  return fc.oneof(
    { arbitrary: structural, weight: 5 },
    { arbitrary: extraKeys, weight: 1 },
    { arbitrary: envelope, weight: 1 },
    { arbitrary: textual, weight: 3 },
  );
}
