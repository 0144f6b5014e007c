import { formatDateTime } from "@/lib/date-time";
import type { AppLocale } from "@/lib/i18n/routing";
import { formatMoney } from "@/lib/money";
import type { PaymobRegion } from "@/lib/paymob/regions";

export type AdminFormats = {
  money(amountMinor: number, currency: string): string;
  /** To the second with the zone named: the admin matches these against Paymob's dashboard. */
  dateTime(date: Date): string;
  /** To the minute, for the order list. */
  minute(date: Date): string;
};

/** Money and dates in the admin's language and the store's region (its currency conventions and its time zone). */
export function adminFormats(locale: AppLocale, region: PaymobRegion): AdminFormats {
  return {
    money: (amountMinor, currency) => formatMoney(amountMinor, currency, { locale, region }),
    dateTime: (date) => formatDateTime(date, { locale, region, style: "second" }),
    minute: (date) => formatDateTime(date, { locale, region, style: "minute" }),
  };
}
