import { useLocale } from "next-intl";
import { formatPrice } from "@/lib/catalog/locale-format";

/** A price in the page's language, written as the store's region writes it (a server or a client component). */
export function Price({
  amountMinor,
  currency,
  className = "",
}: {
  amountMinor: number;
  currency: string;
  className?: string;
}) {
  const locale = useLocale();
  return <span className={`tabular-nums ${className}`}>{formatPrice(amountMinor, currency, locale)}</span>;
}
