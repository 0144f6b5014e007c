import fc from "fast-check";
import { TOKEN_HMAC_FIELDS, TRANSACTION_HMAC_FIELDS } from "@/lib/paymob/hmac";

// Generated Paymob callback bodies for the parser's property tests: valid TRANSACTION and TOKEN callbacks
// (any values of the right types, any unsigned extras), single mutations of them, and the oracle that says
// which of them a parser must accept. The oracle is the contract written out by hand, independently of the
// zod schemas: every signed field present with its exact JSON type (its type decides how it is stringified
// for the HMAC), `order` and `source_data` objects, and anything at all in the fields Paymob does not sign.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type CallbackKind = "TRANSACTION" | "TOKEN";
export type CallbackBody = { type: CallbackKind; obj: Record<string, Json> } & Record<string, Json>;

const isText = (v: unknown) => typeof v === "string";
const isTextOrNull = (v: unknown) => v === null || typeof v === "string";
const isBool = (v: unknown) => typeof v === "boolean";
const isInt = (v: unknown) => Number.isSafeInteger(v);

const TRANSACTION_RULES: Record<(typeof TRANSACTION_HMAC_FIELDS)[number], (v: unknown) => boolean> = {
  amount_cents: isInt,
  created_at: isText,
  currency: isText,
  error_occured: isBool,
  has_parent_transaction: isBool,
  id: isInt,
  integration_id: isInt,
  is_3d_secure: isBool,
  is_auth: isBool,
  is_capture: isBool,
  is_refunded: isBool,
  is_standalone_payment: isBool,
  is_voided: isBool,
  "order.id": isInt,
  owner: isInt,
  pending: isBool,
  "source_data.pan": isTextOrNull,
  "source_data.sub_type": isTextOrNull,
  "source_data.type": isTextOrNull,
  success: isBool,
};

// Paymob's token callback carries order_id as a string, unlike everywhere else.
const TOKEN_RULES: Record<(typeof TOKEN_HMAC_FIELDS)[number], (v: unknown) => boolean> = {
  card_subtype: isText,
  created_at: isText,
  email: isTextOrNull,
  id: isInt,
  masked_pan: isText,
  merchant_id: isInt,
  order_id: isText,
  token: isText,
};

const RULES: Record<CallbackKind, Record<string, (v: unknown) => boolean>> = {
  TRANSACTION: TRANSACTION_RULES,
  TOKEN: TOKEN_RULES,
};
export const SIGNED_FIELDS: Record<CallbackKind, readonly string[]> = {
  TRANSACTION: TRANSACTION_HMAC_FIELDS,
  TOKEN: TOKEN_HMAC_FIELDS,
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The value at a dotted path, only through plain objects (`order.id` of `{order: [..]}` is absent). */
export function valueAt(value: unknown, path: string): unknown {
  let node = value;
  for (const key of path.split(".")) {
    if (!isRecord(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** Which callback a parsed JSON body is, by the contract; null when a parser must refuse it. */
export function expectedKind(body: unknown): CallbackKind | null {
  if (!isRecord(body) || (body.type !== "TRANSACTION" && body.type !== "TOKEN")) return null;
  const kind = body.type;
  if (!isRecord(body.obj)) return null;
  return Object.entries(RULES[kind]).every(([path, valid]) => valid(valueAt(body.obj, path))) ? kind : null;
}

// ——— values ———

const safeIntArb = fc.oneof(
  fc.integer(),
  fc.maxSafeInteger(),
  fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
);
const textArb = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom("", "EGP", "2026-11-24T14:03:11.123456+02:00", "\u0000", "💳", "null"),
);
const textOrNullArb = fc.option(textArb, { nil: null });
/** Any JSON, biased to values that look like another type (numbers in strings, booleans as 0/1…). */
export const anyJsonArb: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, 1, -0, 0.5, 2 ** 53, 1e21, "", "0", "1", "true", "false", "null", [], {}),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);
const reservedKeys = new Set(["__proto__", "constructor", "prototype"]);
const extrasArb = (taken: readonly string[]) =>
  fc.dictionary(
    fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !taken.includes(k) && !reservedKeys.has(k)),
    anyJsonArb,
    { maxKeys: 4 },
  );

// ——— valid bodies ———

const TOP_LEVEL_SIGNED = [...new Set(TRANSACTION_HMAC_FIELDS.map((f) => f.split(".")[0]!))];

/** A TRANSACTION callback: every signed field of the right type, unsigned fields as drifted as Paymob's. */
export const transactionBodyArb: fc.Arbitrary<CallbackBody> = fc
  .record({
    ints: fc.record({ amount_cents: safeIntArb, id: safeIntArb, integration_id: safeIntArb, owner: safeIntArb }),
    texts: fc.record({ created_at: textArb, currency: textArb }),
    flags: fc.record({
      error_occured: fc.boolean(),
      has_parent_transaction: fc.boolean(),
      is_3d_secure: fc.boolean(),
      is_auth: fc.boolean(),
      is_capture: fc.boolean(),
      is_refunded: fc.boolean(),
      is_standalone_payment: fc.boolean(),
      is_voided: fc.boolean(),
      pending: fc.boolean(),
      success: fc.boolean(),
    }),
    order: fc.record({ id: safeIntArb, extras: extrasArb(["id"]) }),
    source: fc.record({
      pan: textOrNullArb,
      sub_type: textOrNullArb,
      type: textOrNullArb,
      extras: extrasArb(["pan", "sub_type", "type"]),
    }),
    // The unsigned fields processing reads may be absent, null or of any drifted type: never a reason to refuse.
    unsigned: fc.record(
      {
        parent_transaction: anyJsonArb,
        refunded_amount_cents: anyJsonArb,
        is_void: anyJsonArb,
        is_refund: anyJsonArb,
        data: anyJsonArb,
      },
      { requiredKeys: [] },
    ),
    extras: extrasArb([
      ...TOP_LEVEL_SIGNED,
      "parent_transaction",
      "refunded_amount_cents",
      "is_void",
      "is_refund",
      "data",
    ]),
    envelope: extrasArb(["type", "obj"]),
  })
  .map(({ ints, texts, flags, order, source, unsigned, extras, envelope }) => ({
    ...envelope,
    type: "TRANSACTION" as const,
    obj: {
      ...extras,
      ...unsigned,
      ...ints,
      ...texts,
      ...flags,
      order: { ...order.extras, id: order.id },
      source_data: { ...source.extras, pan: source.pan, sub_type: source.sub_type, type: source.type },
    },
  }));

/** A TOKEN callback (saved card). */
export const tokenBodyArb: fc.Arbitrary<CallbackBody> = fc
  .record({
    fields: fc.record({
      card_subtype: textArb,
      created_at: textArb,
      email: textOrNullArb,
      id: safeIntArb,
      masked_pan: textArb,
      merchant_id: safeIntArb,
      order_id: textArb,
      token: textArb,
    }),
    extras: extrasArb([...TOKEN_HMAC_FIELDS]),
    envelope: extrasArb(["type", "obj"]),
  })
  .map(({ fields, extras, envelope }) => ({ ...envelope, type: "TOKEN" as const, obj: { ...extras, ...fields } }));

export const validBodyArb = fc.oneof(transactionBodyArb, tokenBodyArb);

// ——— single mutations of a valid body ———

export type Mutated = { body: unknown; what: string };

function setAt(
  target: Record<string, unknown>,
  path: string,
  change: (parent: Record<string, unknown>, key: string) => void,
) {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (!isRecord(node[key])) return;
    node = node[key] as Record<string, unknown>;
  }
  change(node, keys.at(-1)!);
}

/** The same information in another JSON type: 100 → "100", true → 1, "x" → ["x"], null → "". */
function retyped(value: unknown, variant: number): Json {
  const options: Json[] = [
    String(value),
    Number(value) || 0,
    Boolean(value),
    [value as Json],
    { value: value as Json },
    value === null ? "" : null,
    typeof value === "number" ? value + 0.5 : 0.5,
  ];
  return options[variant % options.length]!;
}

/**
 * One change to a valid body: a signed field removed, retyped or replaced; a container replaced; the type
 * switched; or unsigned junk added. Some of these keep the body valid (a replacement of the right type, junk),
 * most do not: the oracle decides, not the mutation.
 */
export function mutationOf(body: CallbackBody): fc.Arbitrary<Mutated> {
  const signed = SIGNED_FIELDS[body.type];
  const containers = body.type === "TRANSACTION" ? ["order", "source_data"] : [];
  const field = fc
    .record({
      path: fc.constantFrom(...signed, ...containers),
      op: fc.constantFrom("remove", "retype", "replace"),
      variant: fc.nat(),
      value: anyJsonArb,
    })
    .map(({ path, op, variant, value }): Mutated => {
      const copy = structuredClone(body) as CallbackBody;
      setAt(copy.obj, path, (parent, key) => {
        if (op === "remove") delete parent[key];
        else if (op === "retype") parent[key] = retyped(parent[key], variant);
        else parent[key] = value;
      });
      return { body: copy, what: `${op} obj.${path}` };
    });
  const type = fc
    .oneof(fc.constantFrom<Json>("TRANSACTION", "TOKEN", "transaction", "SUBSCRIPTION", "", null), anyJsonArb)
    .map((value): Mutated => ({
      body: { ...structuredClone(body), type: value },
      what: `type ${JSON.stringify(value)}`,
    }));
  const obj = anyJsonArb.map((value): Mutated => ({
    body: { ...structuredClone(body), obj: value },
    what: `obj ${JSON.stringify(value)}`,
  }));
  const junk = extrasArb(signed.map((f) => f.split(".")[0]!)).map((extra): Mutated => ({
    body: { ...structuredClone(body), obj: { ...body.obj, ...extra } },
    what: "unsigned junk added",
  }));
  return fc.oneof(
    { arbitrary: field, weight: 6 },
    { arbitrary: type, weight: 1 },
    { arbitrary: obj, weight: 1 },
    { arbitrary: junk, weight: 2 },
  );
}

/** Valid bodies, their single mutations and arbitrary JSON, in proportions that exercise acceptance and refusal. */
export const callbackCaseArb: fc.Arbitrary<Mutated> = fc.oneof(
  { arbitrary: validBodyArb.map((body): Mutated => ({ body, what: `valid ${body.type}` })), weight: 3 },
  { arbitrary: validBodyArb.chain(mutationOf), weight: 5 },
  {
    arbitrary: (fc.jsonValue({ maxDepth: 6 }) as fc.Arbitrary<Json>).map((body): Mutated => ({
      body,
      what: "arbitrary JSON",
    })),
    weight: 1,
  },
);
