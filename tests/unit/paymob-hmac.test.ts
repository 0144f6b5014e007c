import { describe, expect, it } from "vitest";

import {
  REDIRECT_HMAC_FIELDS,
  TOKEN_HMAC_FIELDS,
  TRANSACTION_HMAC_FIELDS,
  redirectHmacMessage,
  signRedirect,
  signToken,
  signTransaction,
  tokenHmacMessage,
  transactionHmacMessage,
  verifyRedirect,
  verifyToken,
  verifyTransaction,
} from "@/lib/paymob/hmac";

import fixtures from "../fixtures/paymob-vectors.json";

type Obj = Record<string, unknown>;
type Vector = {
  id: string;
  kind: "TRANSACTION" | "TOKEN" | "TRANSACTION_GET_REDIRECT";
  negative?: boolean;
  secret: string;
  expected_hmac: string;
  expected_concatenated: string;
  payload?: { obj: Obj };
  query?: Record<string, string>;
};
const vectors = fixtures.vectors as unknown as Vector[];
const byId = (id: string) => vectors.find((v) => v.id === id)!;

const clone = <T>(value: T): T => structuredClone(value);

function setPath(obj: Obj, path: string, value: unknown) {
  const keys = path.split(".");
  let target = obj;
  for (const key of keys.slice(0, -1)) target = target[key] as Obj;
  target[keys.at(-1)!] = value;
}
function getPath(obj: Obj, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o as Obj)[k], obj);
}
/** A different value of the same kind: flipped boolean, number + 1, string with one more character. */
function mutate(value: unknown): unknown {
  if (typeof value === "boolean") return !value;
  if (typeof value === "number") return value + 1;
  if (value === "true") return "false";
  if (value === "false") return "true";
  if (/^\d+$/.test(String(value))) return String(Number(value) + 1);
  return `${String(value)}x`;
}
function flipOneHexDigit(hex: string, at = 17): string {
  const digit = hex[at]!;
  return hex.slice(0, at) + (digit === "0" ? "1" : "0") + hex.slice(at + 1);
}

describe("Paymob HMAC vectors (tests/fixtures/paymob-vectors.json)", () => {
  it.each(vectors.map((v) => [v.id, v] as const))("%s", (_id, vector) => {
    const shouldVerify = !vector.negative;
    if (vector.kind === "TRANSACTION") {
      const obj = vector.payload!.obj;
      expect(transactionHmacMessage(obj)).toBe(vector.expected_concatenated);
      expect(verifyTransaction(vector.secret, obj, vector.expected_hmac)).toBe(shouldVerify);
    } else if (vector.kind === "TOKEN") {
      const obj = vector.payload!.obj;
      expect(tokenHmacMessage(obj)).toBe(vector.expected_concatenated);
      expect(verifyToken(vector.secret, obj, vector.expected_hmac)).toBe(shouldVerify);
    } else {
      const query = new URLSearchParams({ ...vector.query, hmac: vector.expected_hmac });
      expect(redirectHmacMessage(query)).toBe(vector.expected_concatenated);
      expect(verifyRedirect(vector.secret, query)).toBe(shouldVerify);
    }
  });

  it("the tampered vector differs from its original only in amount_cents, and that alone breaks it", () => {
    const original = byId("xdot-synthetic-transaction");
    const tampered = byId("xdot-synthetic-transaction-tampered-NEGATIVE");
    expect({ ...tampered.payload!.obj, amount_cents: original.payload!.obj.amount_cents }).toEqual(
      original.payload!.obj,
    );
    expect(tampered.expected_hmac).toBe(original.expected_hmac);
    expect(signTransaction(tampered.secret, tampered.payload!.obj)).not.toBe(tampered.expected_hmac);
  });

  it.each(fixtures.concatenated_only.map((v) => [v.id, v] as const))(
    "signs the concatenated string of %s",
    async (_id, vector) => {
      const { hmacHex } = await import("@/lib/paymob/hmac");
      expect(hmacHex(vector.secret, vector.concatenated)).toBe(vector.expected_hmac);
    },
  );
});

describe("TRANSACTION callback signature", () => {
  const { secret, expected_hmac: hmac, payload } = byId("docs-transaction-processed-2024");
  const obj = payload!.obj;

  it("signs exactly the 20 documented fields, in lexicographic order", () => {
    expect(TRANSACTION_HMAC_FIELDS).toHaveLength(20);
    expect([...TRANSACTION_HMAC_FIELDS]).toEqual([...TRANSACTION_HMAC_FIELDS].sort());
  });

  it.each([...TRANSACTION_HMAC_FIELDS])("fails when %s changes", (field) => {
    const tampered = clone(obj);
    setPath(tampered, field, mutate(getPath(tampered, field)));
    expect(verifyTransaction(secret, tampered, hmac)).toBe(false);
  });

  it("fails when the signed field is missing", () => {
    const tampered = clone(obj);
    delete (tampered.source_data as Obj).pan;
    expect(verifyTransaction(secret, tampered, hmac)).toBe(false);
  });

  it("ignores unsigned keys, changed or added", () => {
    const extended = clone(obj);
    setPath(extended, "data.message", "Something else");
    setPath(extended, "order.merchant_order_id", "another-order");
    extended.is_live = true;
    extended.amount_cents_int = 1;
    extended.brand_new_key = { nested: [1, 2, 3] };
    expect(verifyTransaction(secret, extended, hmac)).toBe(true);
  });

  it("rejects a signature with one hex digit changed, and empty or malformed ones", () => {
    expect(verifyTransaction(secret, obj, flipOneHexDigit(hmac))).toBe(false);
    expect(verifyTransaction(secret, obj, flipOneHexDigit(hmac, 127))).toBe(false);
    for (const bad of [null, undefined, "", hmac.slice(0, -2), `${hmac}00`, hmac.replace(/.$/, "g")]) {
      expect(verifyTransaction(secret, obj, bad)).toBe(false);
    }
  });

  it("accepts the signature in uppercase hex, and produces lowercase itself", () => {
    expect(signTransaction(secret, obj)).toBe(hmac);
    expect(signTransaction(secret, obj)).toMatch(/^[0-9a-f]{128}$/);
    expect(verifyTransaction(secret, obj, hmac.toUpperCase())).toBe(true);
  });

  it("fails with another secret", () => {
    expect(verifyTransaction(secret.toLowerCase(), obj, hmac)).toBe(false);
  });

  it("gives the same signature for string booleans (old refund/void samples) as for real booleans", () => {
    const stringly = clone(obj);
    for (const field of TRANSACTION_HMAC_FIELDS) {
      const value = getPath(stringly, field);
      if (typeof value === "boolean") setPath(stringly, field, String(value));
    }
    expect(verifyTransaction(secret, stringly, hmac)).toBe(true);
  });
});

describe("TOKEN callback signature", () => {
  const { secret, expected_hmac: hmac, payload } = byId("xdot-synthetic-token");
  const obj = payload!.obj;

  it("signs exactly the 8 documented fields", () => {
    expect([...TOKEN_HMAC_FIELDS]).toEqual([
      "card_subtype",
      "created_at",
      "email",
      "id",
      "masked_pan",
      "merchant_id",
      "order_id",
      "token",
    ]);
  });

  it.each([...TOKEN_HMAC_FIELDS])("fails when %s changes", (field) => {
    const tampered = clone(obj);
    tampered[field] = mutate(tampered[field]);
    expect(verifyToken(secret, tampered, hmac)).toBe(false);
  });

  it("ignores unsigned keys, rejects a changed digit, accepts uppercase", () => {
    expect(verifyToken(secret, { ...obj, user_added: true, next_payment_intention: "pi_test_x" }, hmac)).toBe(true);
    expect(verifyToken(secret, obj, flipOneHexDigit(hmac))).toBe(false);
    expect(verifyToken(secret, obj, hmac.toUpperCase())).toBe(true);
    expect(signToken(secret, obj)).toBe(hmac);
  });
});

describe("browser redirect signature", () => {
  const { secret, expected_hmac: hmac, query } = byId("odoo-synthetic-redirect-get");
  const signed = () => new URLSearchParams({ ...query, hmac });

  it("uses flat keys with `order` for the order id", () => {
    expect(REDIRECT_HMAC_FIELDS).toHaveLength(20);
    expect(REDIRECT_HMAC_FIELDS).toContain("order");
    expect(REDIRECT_HMAC_FIELDS).not.toContain("order.id");
    expect(REDIRECT_HMAC_FIELDS).toContain("source_data.pan");
  });

  it.each([...REDIRECT_HMAC_FIELDS])("fails when %s changes", (key) => {
    const params = signed();
    params.set(key, String(mutate(params.get(key))));
    expect(verifyRedirect(secret, params)).toBe(false);
  });

  it("ignores unsigned keys, rejects a changed digit or a missing hmac, accepts uppercase", () => {
    const params = signed();
    params.set("data.message", "Declined");
    params.set("merchant_order_id", "someone-else");
    params.append("extra", "1");
    expect(verifyRedirect(secret, params)).toBe(true);

    const flipped = signed();
    flipped.set("hmac", flipOneHexDigit(hmac));
    expect(verifyRedirect(secret, flipped)).toBe(false);

    const missing = signed();
    missing.delete("hmac");
    expect(verifyRedirect(secret, missing)).toBe(false);

    const upper = signed();
    upper.set("hmac", hmac.toUpperCase());
    expect(verifyRedirect(secret, upper)).toBe(true);
  });

  it("PHP-style underscore keys are not Paymob's keys and do not verify", () => {
    const params = new URLSearchParams();
    for (const [key, value] of signed()) params.set(key.replace(/\./g, "_"), value);
    expect(verifyRedirect(secret, params)).toBe(false);
  });

  it("round-trips a +03:00 created_at through URL encoding (%2B), but a raw + decodes to a space and fails", () => {
    const values = { ...query, created_at: "2025-10-12T18:52:15.803661+03:00" };
    const params = new URLSearchParams(values);
    params.set("hmac", signRedirect(secret, params));

    const url = `https://shop.example/checkout/return?${params.toString()}`;
    expect(url).toContain("created_at=2025-10-12T18%3A52%3A15.803661%2B03%3A00");
    const received = new URL(url).searchParams;
    expect(received.get("created_at")).toBe("2025-10-12T18:52:15.803661+03:00");
    expect(verifyRedirect(secret, received)).toBe(true);

    const handBuilt = new URL(url.replace("%2B", "+")).searchParams;
    expect(handBuilt.get("created_at")).toBe("2025-10-12T18:52:15.803661 03:00");
    expect(verifyRedirect(secret, handBuilt)).toBe(false);
  });
});
