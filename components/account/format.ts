import { formatDateTime as formatInZone } from "@/lib/date-time";
import { storeRegion } from "@/lib/store";

// Dates are rendered on the server, whose clock zone is arbitrary. They are shown in the store's region's zone
// (PAYMOB_REGION: Cairo by default, as the shared payment timeline assumes), and the zone is printed with full
// timestamps so staff never misread one. English until the pages are bilingual.

export function formatDate(date: Date): string {
  return formatInZone(date, { region: storeRegion(), style: "date" });
}

export function formatDateTime(date: Date): string {
  return formatInZone(date, { region: storeRegion(), style: "second" });
}
