import { formatDateTime as formatInZone } from "@/lib/date-time";
import type { StoreLocale } from "@/lib/locale";
import { storeRegion } from "@/lib/store";

// Dates are rendered on the server, whose clock zone is arbitrary. They are shown in the store's region's zone
// (PAYMOB_REGION: Cairo by default, as the shared payment timeline assumes), and the zone is printed with full
// timestamps so staff never misread one. In the page's language; English for the pages that are English only.

export function formatDate(date: Date, locale: StoreLocale = "en"): string {
  return formatInZone(date, { locale, region: storeRegion(), style: "date" });
}

export function formatDateTime(date: Date, locale: StoreLocale = "en"): string {
  return formatInZone(date, { locale, region: storeRegion(), style: "second" });
}
