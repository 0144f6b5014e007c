import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCallback, readStoredTransaction, transactionObjectSchema } from "@/lib/paymob/callbacks";
import { signToken, signTransaction, transactionHmacMessage } from "@/lib/paymob/hmac";
import { reshapeTransaction, transactionSignedMessage } from "@/lib/paymob/reshape";
import { tokenBodyArb, transactionBodyArb } from "../helpers/callback-arbitraries";

const SECRET = "RESHAPE0TEST0SECRET";

describe("reshaping Paymob's wire objects at the seam", () => {
  it("the reshaped transaction rebuilds exactly the message Paymob signed (so fingerprints stay what they were)", () => {
    fc.assert(
      fc.property(transactionBodyArb, (body) => {
        const parsed = transactionObjectSchema.safeParse(body.obj);
        fc.pre(parsed.success);
        if (!parsed.success) return;
        expect(transactionSignedMessage(reshapeTransaction(parsed.data))).toBe(transactionHmacMessage(parsed.data));
      }),
      { numRuns: 300 },
    );
  });

  it("verifies the signature over the wire fields, then hands out the camelCase shape", () => {
    fc.assert(
      fc.property(transactionBodyArb, (body) => {
        const raw = JSON.stringify(body);
        const valid = readCallback(raw, SECRET, signTransaction(SECRET, body.obj));
        fc.pre(valid.ok);
        if (!valid.ok || valid.callback.kind !== "TRANSACTION") throw new Error("expected a TRANSACTION");
        expect(valid.verification).toBe("valid");
        expect(valid.callback.transaction).toMatchObject({
          id: body.obj.id,
          amountMinor: body.obj.amount_cents,
          paymobOrderId: (body.obj.order as { id: number }).id,
        });
        expect(readCallback(raw, SECRET, signTransaction("another secret", body.obj))).toMatchObject({
          ok: true,
          verification: "invalid",
        });
        expect(readCallback(raw, SECRET, null)).toMatchObject({ ok: true, verification: "missing" });
      }),
      { numRuns: 100 },
    );
  });

  it("reads a TOKEN callback's string order id as Paymob's order id", () => {
    fc.assert(
      fc.property(tokenBodyArb, (body) => {
        const result = readCallback(JSON.stringify(body), SECRET, signToken(SECRET, body.obj));
        fc.pre(result.ok);
        if (!result.ok || result.callback.kind !== "TOKEN") throw new Error("expected a TOKEN");
        expect(result.verification).toBe("valid");
        const orderId = String(body.obj.order_id);
        expect(result.callback.token).toMatchObject({
          id: body.obj.id,
          maskedPan: body.obj.masked_pan,
          paymobOrderId: /^\d{1,15}$/.test(orderId) ? Number(orderId) : undefined,
        });
      }),
      { numRuns: 100 },
    );
  });

  it("reads a stored body back: the callback envelope or the bare inquiry object, never a TOKEN", () => {
    fc.assert(
      fc.property(transactionBodyArb, (body) => {
        // Through JSON first, as stored (-0 comes back as 0).
        const parsed = transactionObjectSchema.safeParse(JSON.parse(JSON.stringify(body.obj)));
        fc.pre(parsed.success);
        if (!parsed.success) return;
        const expected = reshapeTransaction(parsed.data);
        expect(readStoredTransaction(JSON.stringify(body))).toEqual(expected);
        expect(readStoredTransaction(JSON.stringify(parsed.data))).toEqual(expected);
      }),
      { numRuns: 100 },
    );
    expect(readStoredTransaction("not json")).toBeUndefined();
  });
});
