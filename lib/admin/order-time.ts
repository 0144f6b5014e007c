import { STORE_TIME_ZONE } from "@/lib/store";

// When an order was placed, as the admin list shows it: date and time of day in the store's zone (the server's
// own zone is arbitrary), so two orders of one day can be told apart and matched with Paymob's dashboard.

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone,
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** "2 Dec 2026, 14:05" in the store's time zone. */
export function formatOrderTime(date: Date, timeZone: string = STORE_TIME_ZONE): string {
  return format(timeZone).format(date);
}

/** The store's zone as people name it: "Africa/Cairo" → "Cairo", for the column header ("Placed, Cairo time"). */
export function timeZoneCity(timeZone: string = STORE_TIME_ZONE): string {
  return (timeZone.split("/").pop() ?? timeZone).replace(/_/g, " ");
}
