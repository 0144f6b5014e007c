import { useLocale } from "next-intl";
import { formatMoney } from "@/lib/money";
import type { PaymobRegion } from "@/lib/paymob/regions";

// Money as the cart and checkout show it: the page's language with the store's region (ar-EG "‏٣٥٠٫٠٠ ج.م.‏",
// en "EGP 350.00"). The region comes from the server (lib/store.ts) as a prop: the browser has no PAYMOB_REGION.
// Hooks, so they work in client components and in the server components that are not async.

/** A formatter for the page's locale and the store's region. */
export function useFormatMoney(region: PaymobRegion): (amountMinor: number, currency: string) => string {
  const locale = useLocale();
  return (amountMinor, currency) => formatMoney(amountMinor, currency, { locale, region });
}

export function Money({
  amountMinor,
  currency,
  region,
  className = "",
}: {
  amountMinor: number;
  currency: string;
  region: PaymobRegion;
  className?: string;
}) {
  const format = useFormatMoney(region);
  return <span className={`tabular-nums ${className}`}>{format(amountMinor, currency)}</span>;
}
