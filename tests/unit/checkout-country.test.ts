import { describe, expect, it } from "vitest";
import { COUNTRIES } from "@/lib/checkout/start/countries";
import { DEFAULT_COUNTRY } from "@/lib/checkout/start/defaults";
import { parseCheckoutForm } from "@/lib/checkout/start/form";

const valid = {
  email: "layla@example.com",
  phone: "+201012345678",
  firstName: "Layla",
  lastName: "Hassan",
  street: "12 Tahrir St",
  city: "Cairo",
  country: "Egypt",
  mode: "redirect",
  checkoutKey: "abcdefghijklmnopqrstuvwx",
};

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

describe("the checkout's country list", () => {
  it("offers the default country and every region Paymob serves, each once", () => {
    for (const country of [DEFAULT_COUNTRY, "Saudi Arabia", "United Arab Emirates", "Oman"])
      expect(COUNTRIES).toContain(country);
    expect(new Set(COUNTRIES).size).toBe(COUNTRIES.length);
  });

  it("accepts a country from the list and refuses free text next to the field", () => {
    expect(parseCheckoutForm(form({ ...valid, country: "Oman" }))).toMatchObject({
      ok: true,
      submission: { billing: { country: "Oman" } },
    });
    const parsed = parseCheckoutForm(form({ ...valid, country: "Egpyt" }));
    expect(parsed).toMatchObject({
      ok: false,
      state: { fieldErrors: { country: { code: "country" } }, values: { country: "Egpyt" } },
    });
  });
});
