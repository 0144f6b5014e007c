import { describe, expect, it } from "vitest";
import { parsePriceForm } from "@/lib/admin/price-form";
import { MAX_PRICE_MINOR } from "@/lib/catalog/price-rules";

const form = (price: string, currency = "EGP", productId = "7") => ({ productId, currency, price });

describe("parsePriceForm: the /admin/products price box, read as integer minor units", () => {
  it.each([
    ["333.50", "EGP", 33_350],
    ["333.5", "EGP", 33_350],
    ["333", "EGP", 33_300],
    [" 1,250.00 ", "EGP", 125_000],
    ["0.01", "EGP", 1],
    // Amounts a float would get wrong: 0.29 * 100 is 28.999999999999996.
    ["0.29", "EGP", 29],
    ["1.005", "OMR", 1_005],
    ["12.345", "OMR", 12_345],
    ["1250", "JPY", 1_250],
    ["10000", "KWD", 10_000_000],
  ])("%s %s is %i minor units", (price, currency, priceMinor) => {
    expect(parsePriceForm(form(price, currency))).toEqual({ ok: true, productId: 7, currency, priceMinor });
  });

  it("takes the largest allowed price and refuses one more minor unit", () => {
    expect(parsePriceForm(form("1000000.00"))).toMatchObject({ ok: true, priceMinor: MAX_PRICE_MINOR });
    expect(parsePriceForm(form("1000000.01"))).toEqual({
      ok: false,
      notice: { code: "price_too_high", currency: "EGP", maxMinor: MAX_PRICE_MINOR },
    });
  });

  it.each([
    ["", { code: "price_missing" }],
    ["   ", { code: "price_missing" }],
    ["0", { code: "price_zero" }],
    ["0.00", { code: "price_zero" }],
    ["-5", { code: "price_unreadable", input: "-5", currency: "EGP", example: "12.50" }],
    ["12.345", { code: "price_unreadable" }], // more decimals than the currency has
    ["1e3", { code: "price_unreadable" }],
    ["12,5", { code: "price_unreadable" }],
    ["EGP 12", { code: "price_unreadable" }],
    ["Infinity", { code: "price_unreadable" }],
    ["NaN", { code: "price_unreadable" }],
    ["99999999999999", { code: "price_unreadable" }], // more digits than any price
  ])("refuses %j", (price, notice) => {
    expect(parsePriceForm(form(price))).toEqual({ ok: false, notice: expect.objectContaining(notice) });
  });

  it("shows the example with the currency's own decimals", () => {
    expect(parsePriceForm(form("1.2345", "OMR"))).toMatchObject({ ok: false, notice: { example: "12.500" } });
    expect(parsePriceForm(form("12.5", "JPY"))).toMatchObject({ ok: false, notice: { example: "12" } });
  });

  it.each([
    ["no product", { currency: "EGP", price: "10" }],
    ["a product id that is not one", { productId: "abc", currency: "EGP", price: "10" }],
    ["a negative product id", { productId: "-1", currency: "EGP", price: "10" }],
    ["no currency", { productId: "7", price: "10" }],
    ["a currency that is not a code", { productId: "7", currency: "egp", price: "10" }],
    ["no price field", { productId: "7", currency: "EGP" }],
    ["a file where the price goes", { productId: "7", currency: "EGP", price: new Blob(["10"]) }],
    ["not a form at all", "productId=7"],
  ])("refuses a form with %s as incomplete", (_label, fields) => {
    expect(parsePriceForm(fields)).toEqual({ ok: false, notice: { code: "form_incomplete", form: "price" } });
  });
});
