import { describe, expect, it } from "vitest";
import { parseCheckoutForm } from "@/lib/checkout/start/form";
import {
  attemptNumberOf,
  attemptSpecialReference,
  newCheckoutKey,
  newOrderReference,
  ORDER_REFERENCE_PATTERN,
} from "@/lib/orders/references";

const valid = {
  email: "  Layla@Example.com ",
  phone: "+20 (101) 234-5678",
  firstName: "Layla",
  lastName: "Hassan",
  street: "12 Tahrir St",
  building: "",
  city: "Cairo",
  country: "Egypt",
  mode: "pixel",
  checkoutKey: "abcdefghijklmnopqrstuvwx",
};

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

describe("parseCheckoutForm", () => {
  it("normalises a valid submission and drops blank optional fields", () => {
    const parsed = parseCheckoutForm(form(valid));
    expect(parsed).toMatchObject({
      ok: true,
      submission: {
        mode: "pixel",
        billing: { email: "Layla@Example.com", phone: "+201012345678", building: undefined },
      },
    });
  });

  it("returns one message per invalid field and echoes what was typed", () => {
    const parsed = parseCheckoutForm(
      form({ ...valid, email: "nope", phone: "12", firstName: " ", city: "x".repeat(61) }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.state.fieldErrors ?? {}).sort()).toEqual(["city", "email", "firstName", "phone"]);
    expect(parsed.state.fieldErrors).toEqual({
      email: { code: "email" },
      phone: { code: "phone" },
      firstName: { code: "required" },
      city: { code: "too_long", max: 60 },
    });
    expect(parsed.state.values).toMatchObject({ email: "nope", phone: "12", lastName: "Hassan" });
    expect(parsed.state.mode).toBe("pixel");
  });

  it("rejects an unknown pay mode or a missing form key without blaming a field", () => {
    const badMode = parseCheckoutForm(form({ ...valid, mode: "cash" }));
    expect(badMode).toMatchObject({ ok: false, state: { error: { code: "choose_pay_mode" }, fieldErrors: {} } });
    const { checkoutKey: _omit, ...noKey } = valid;
    void _omit;
    expect(parseCheckoutForm(form(noKey))).toMatchObject({
      ok: false,
      state: { error: { code: "form_expired" } },
    });
  });

  it("never carries an amount, whatever the browser sends", () => {
    const parsed = parseCheckoutForm(form({ ...valid, amount: "1", amountMinor: "1", total: "1" }));
    expect(parsed.ok && JSON.stringify(parsed.submission)).not.toMatch(/amount|total/i);
  });
});

describe("references", () => {
  it("makes unguessable base32 order references and per-attempt special references", () => {
    const refs = new Set(Array.from({ length: 500 }, newOrderReference));
    expect(refs.size).toBe(500);
    for (const ref of refs) expect(ref).toMatch(ORDER_REFERENCE_PATTERN);
    expect(attemptSpecialReference("NC-7K3M9Q2D", 2)).toBe("NC-7K3M9Q2D-2");
    expect(attemptNumberOf("NC-7K3M9Q2D-12")).toBe(12);
    expect(() => attemptSpecialReference("NC-7K3M9Q2D", 0)).toThrow(RangeError);
    expect(newCheckoutKey()).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });
});
