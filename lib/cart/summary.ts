import { lineTotal, sumMinor } from "@/lib/money";
import type { CartLineView, CartView } from "./types";

export type PricedLine = Omit<CartLineView, "lineTotalMinor">;

/** Builds a CartView from lines priced from the catalog: every total is computed here, in integer minor units. */
export function summarizeCart(id: string | null, lines: readonly PricedLine[], currency: string): CartView {
  const viewLines = lines.map((line) => ({ ...line, lineTotalMinor: lineTotal(line.unitPriceMinor, line.quantity) }));
  return {
    id,
    lines: viewLines,
    itemCount: viewLines.reduce((n, line) => n + line.quantity, 0),
    subtotalMinor: sumMinor(viewLines.map((line) => line.lineTotalMinor)),
    currency,
  };
}

export function emptyCart(currency: string, id: string | null = null): CartView {
  return summarizeCart(id, [], currency);
}
