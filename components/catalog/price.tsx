import { formatMoney } from "@/lib/money";

export function Price({
  amountMinor,
  currency,
  className = "",
}: {
  amountMinor: number;
  currency: string;
  className?: string;
}) {
  return <span className={`tabular-nums ${className}`}>{formatMoney(amountMinor, currency)}</span>;
}
