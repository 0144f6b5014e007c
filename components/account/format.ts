import { STORE_TIME_ZONE } from "@/lib/store";
// Dates are rendered on the server, whose clock zone is arbitrary. The store is in Cairo (as the shared payment
// timeline assumes), and the zone is printed with full timestamps so staff never misread one.
const ZONE = STORE_TIME_ZONE;
const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: ZONE });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: ZONE,
  timeZoneName: "short",
});

export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}
