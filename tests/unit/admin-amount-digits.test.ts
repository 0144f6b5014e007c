import { describe, expect, it } from "vitest";
import { latinDigits, parseMajorAmount } from "@/lib/admin/amount";
import { parsePriceForm } from "@/lib/admin/price-form";

// An admin on an Arabic keyboard types ١٢٠٫٥٠ for 120.50: the refund and price boxes read it as the same amount.

describe("amounts typed in Arabic-Indic digits", () => {
  it.each([
    ["١٢٠٫٥٠", "EGP", 12_050],
    ["١٢٠.٥٠", "EGP", 12_050],
    ["١٬٢٥٠٫٠٠", "EGP", 125_000],
    ["١,٢٥٠", "SAR", 125_000],
    ["١٢٫٣٤٥", "OMR", 12_345],
    ["۱۲۰٫۵", "AED", 12_050], // Persian/Urdu layouts' digits
    [" ٠٫١ ", "EGP", 10],
  ])("%j %s → %i minor units", (typed, currency, minor) => {
    expect(parseMajorAmount(typed, currency)).toBe(minor);
  });

  it("still refuses what is not an amount, in any digits", () => {
    expect(parseMajorAmount("١٢٫٣٤٥", "EGP")).toBeNull(); // three decimals for a two-decimal currency
    expect(parseMajorAmount("-١٢", "EGP")).toBeNull();
    expect(parseMajorAmount("١٢أ", "EGP")).toBeNull();
  });

  it("maps each digit and separator", () => {
    expect(latinDigits("٠١٢٣٤٥٦٧٨٩")).toBe("0123456789");
    expect(latinDigits("۰۱۲۳۴۵۶۷۸۹")).toBe("0123456789");
    expect(latinDigits("١٬٠٠٠٫٥")).toBe("1,000.5");
    expect(latinDigits("EGP 12")).toBe("EGP 12");
  });

  it("sets a price typed in Arabic digits", () => {
    const form = { productId: "7", currency: "EGP", price: "٣٣٣٫٥٠" };
    expect(parsePriceForm(form)).toEqual({ ok: true, productId: 7, currency: "EGP", priceMinor: 33_350 });
  });
});
