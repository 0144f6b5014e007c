import { formatDateTime } from "@/lib/date-time";
import type { LocaleOptions } from "@/lib/locale";
import { storeRegion, STORE_TIME_ZONE } from "@/lib/store";

// When an order was placed, as the admin list shows it: date and time of day in the store's zone (the server's
// own zone is arbitrary), so two orders of one day can be told apart and matched with Paymob's dashboard.

/** "2 Dec 2026, 14:05" in the store's region (PAYMOB_REGION's zone) unless another region or language is given. */
export function formatOrderTime(date: Date, options: LocaleOptions = {}): string {
  return formatDateTime(date, { region: storeRegion(), ...options, style: "minute" });
}

/** The store's zone as people name it: "Africa/Cairo" → "Cairo", for the column header ("Placed, Cairo time"). */
export function timeZoneCity(timeZone: string = STORE_TIME_ZONE): string {
  return (timeZone.split("/").pop() ?? timeZone).replace(/_/g, " ");
}
