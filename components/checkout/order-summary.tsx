import { useTranslations } from "next-intl";
import { Money } from "@/components/cart/money";
import { Region, RegionTitle } from "@/components/ui/scoped-id";
import type { OrderLine } from "@/db/schema/orders";
import type { PaymobRegion } from "@/lib/paymob/regions";

export type SummaryLine = {
  key: string | number;
  name: string;
  quantity: number;
  lineTotalMinor: number;
  image?: string;
};

/** A placed order's saved lines, as the summary shows them (the Pixel page and the return page). */
export function placedOrderLines(
  lines: Pick<OrderLine, "id" | "name" | "quantity" | "lineTotalMinor">[],
): SummaryLine[] {
  return lines.map((line) => ({
    key: line.id,
    name: line.name,
    quantity: line.quantity,
    lineTotalMinor: line.lineTotalMinor,
  }));
}

/** The lines and total as the database prices them; shown beside the form and on the Pixel page. */
export function OrderSummary({
  lines,
  totalMinor,
  currency,
  region,
  title,
}: {
  lines: SummaryLine[];
  totalMinor: number;
  currency: string;
  /** The store's region (lib/store.ts), for the money format. */
  region: PaymobRegion;
  /** Default "Order summary", in the page's language. */
  title?: string;
}) {
  const t = useTranslations("checkout");
  return (
    <Region className="flex flex-col gap-4 rounded-2xl border border-brand-200 bg-white p-6">
      <RegionTitle className="text-lg font-semibold">{title ?? t("summary.title")}</RegionTitle>
      <ul className="flex flex-col divide-y divide-brand-100">
        {lines.map((line) => (
          <li key={line.key} className="flex items-center gap-3 py-3">
            {line.image ? (
              // eslint-disable-next-line @next/next/no-img-element -- small local vector thumbnails
              <img
                src={line.image}
                alt=""
                width={48}
                height={48}
                className="size-12 rounded-lg border border-brand-100 bg-brand-50"
              />
            ) : null}
            <span className="flex-1">
              <span className="block font-medium">{line.name}</span>
              <span className="text-sm text-muted">{t("summary.quantity", { quantity: line.quantity })}</span>
            </span>
            <Money amountMinor={line.lineTotalMinor} currency={currency} region={region} />
          </li>
        ))}
      </ul>
      <dl className="flex items-baseline justify-between border-t border-brand-200 pt-4">
        <dt className="font-semibold">{t("summary.total")}</dt>
        <dd className="text-xl font-bold" data-testid="order-total">
          <Money amountMinor={totalMinor} currency={currency} region={region} />
        </dd>
      </dl>
    </Region>
  );
}
