import { z } from "zod";
import { CURRENCY_CODE, MAX_PRICE_MINOR } from "@/lib/catalog/price-rules";
import { currencyExponent } from "@/lib/money";
import { parseMajorAmount } from "./amount";
import type { AdminNotice } from "./notices";

// The "Set price" form of /admin/products, read into what setProductPrice takes. The price is typed in major
// units with the currency's own decimals ("333.50" EGP, "12.345" OMR) and becomes integer minor units without
// floating point (parseMajorAmount). The currency is the one the page showed; the write refuses it if the
// product has been moved to another currency since.

const fields = z.object({
  productId: z.coerce.number().int().positive(),
  currency: z.string().regex(CURRENCY_CODE),
  price: z.string().max(32),
});

export type PriceForm =
  { ok: true; productId: number; currency: string; priceMinor: number } | { ok: false; notice: AdminNotice };

export function parsePriceForm(form: unknown): PriceForm {
  const parsed = fields.safeParse(form);
  if (!parsed.success) return { ok: false, notice: { code: "form_incomplete", form: "price" } };
  const { productId, currency, price } = parsed.data;
  if (!price.trim()) return { ok: false, notice: { code: "price_missing" } };
  const priceMinor = parseMajorAmount(price, currency);
  if (priceMinor === null) {
    return {
      ok: false,
      notice: { code: "price_unreadable", input: price.trim(), currency, example: example(currency) },
    };
  }
  if (priceMinor === 0) return { ok: false, notice: { code: "price_zero" } };
  if (priceMinor > MAX_PRICE_MINOR) {
    return { ok: false, notice: { code: "price_too_high", currency, maxMinor: MAX_PRICE_MINOR } };
  }
  return { ok: true, productId, currency, priceMinor };
}

/** 12.50 with the currency's own number of decimals: "12.50" for EGP, "12.500" for OMR, "12" for JPY. */
function example(currency: string): string {
  const digits = currencyExponent(currency);
  return digits === 0 ? "12" : `12.${"5".padEnd(digits, "0")}`;
}
