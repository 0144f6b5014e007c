import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currencyExponent, formatMoney, lineTotal, sumMinor } from "@/lib/money";

describe("currencyExponent", () => {
  it.each([
    ["EGP", 2],
    ["SAR", 2],
    ["AED", 2],
    ["OMR", 3],
    ["JPY", 0],
  ])("%s has %i minor digits", (currency, digits) => {
    expect(currencyExponent(currency)).toBe(digits);
  });
});

// Intl separates the currency code with a no-break space; the expectations below are easier to read with a plain one.
const show = (amountMinor: number, currency: string) => formatMoney(amountMinor, currency).replace(/\u00a0/g, " ");

describe("formatMoney", () => {
  it.each([
    [35_000, "EGP", "EGP 350.00"],
    [5, "EGP", "EGP 0.05"],
    [0, "EGP", "EGP 0.00"],
    [123_456_789, "EGP", "EGP 1,234,567.89"],
    [-250, "EGP", "-EGP 2.50"],
    [1_234, "OMR", "OMR 1.234"],
    [7, "OMR", "OMR 0.007"],
    [350_000, "OMR", "OMR 350.000"],
    [1_200, "JPY", "¥1,200"],
  ])("%i minor units of %s → %s", (amountMinor, currency, expected) => {
    expect(show(amountMinor, currency)).toBe(expected);
  });

  it("is exact at the top of the safe-integer range, where dividing by 100 as a float would round", () => {
    expect(show(Number.MAX_SAFE_INTEGER, "EGP")).toBe("EGP 90,071,992,547,409.91");
    expect(show(Number.MAX_SAFE_INTEGER, "OMR")).toBe("OMR 9,007,199,254,740.991");
  });

  it.each([1.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])(
    "refuses a non-integer amount (%s)",
    (amount) => {
      expect(() => formatMoney(amount, "EGP")).toThrow(TypeError);
    },
  );

  it("round-trips every integer amount: the digits shown are the minor units, in order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom("EGP", "OMR", "JPY"),
        (amount, currency) => {
          const digits = formatMoney(amount, currency).replace(/\D/g, "");
          expect(BigInt(digits)).toBe(BigInt(amount));
        },
      ),
    );
  });
});

describe("lineTotal", () => {
  it("multiplies in minor units", () => {
    expect(lineTotal(35_000, 3)).toBe(105_000);
    expect(lineTotal(0, 99)).toBe(0);
  });

  it("refuses totals that would lose precision or go negative", () => {
    expect(() => lineTotal(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
    expect(() => lineTotal(-1, 2)).toThrow(RangeError);
    expect(() => lineTotal(100, 1.5)).toThrow(RangeError);
    expect(() => lineTotal(0.5, 2)).toThrow(RangeError);
  });
});

describe("sumMinor", () => {
  it("adds integer amounts", () => {
    expect(sumMinor([])).toBe(0);
    expect(sumMinor([35_000, 42_000, 1])).toBe(77_001);
  });

  it("throws on overflow instead of returning a rounded sum", () => {
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});
