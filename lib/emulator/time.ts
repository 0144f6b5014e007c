import { PAYMOB_REGIONS, type PaymobRegion } from "@/lib/paymob/regions";

// Paymob timestamps (`created_at`, `updated_at`, the intention's `created`) are the region's local wall-clock time
// with microseconds, signed into the HMAC exactly as written. Real payloads differ by region (docs/paymob.md
// § "Regions and hosts"): Egypt's carry no offset at all (Cairo time implied), KSA's end in `+03:00`. UAE and Oman are
// emitted with their own offset (`+04:00`), which the docs' redirect sample shows for a Gulf account. The zones
// themselves are the region table's (lib/paymob/regions.ts), shared with the store's own clock.
const REGION_CLOCKS: Record<PaymobRegion, { timeZone: string; withOffset: boolean }> = {
  egypt: { timeZone: PAYMOB_REGIONS.egypt.timeZone, withOffset: false },
  ksa: { timeZone: PAYMOB_REGIONS.ksa.timeZone, withOffset: true },
  uae: { timeZone: PAYMOB_REGIONS.uae.timeZone, withOffset: true },
  oman: { timeZone: PAYMOB_REGIONS.oman.timeZone, withOffset: true },
};

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "longOffset",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * e.g. Egypt `2026-11-24T14:03:11.123456`, KSA `2026-11-24T15:03:11.123456+03:00`. The last three microsecond
 * digits are random (JS has ms only).
 */
export function paymobTimestamp(
  region: PaymobRegion,
  date: Date = new Date(),
  micros = Math.floor(Math.random() * 1000),
): string {
  const clock = REGION_CLOCKS[region];
  const parts = Object.fromEntries(
    partsFormatter(clock.timeZone)
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const offset = clock.withOffset ? (parts.timeZoneName ?? "GMT").replace("GMT", "") || "+00:00" : "";
  const fraction = String(date.getUTCMilliseconds()).padStart(3, "0") + String(micros).padStart(3, "0");
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}.${fraction}${offset}`;
}

/**
 * The calendar day (YYYY-MM-DD) of a moment in the region's own time zone: voids are only allowed on the day of
 * the payment, and that day ends at the account's local midnight (Cairo, Riyadh, Dubai, Muscat).
 */
export function regionDay(region: PaymobRegion, date: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: REGION_CLOCKS[region].timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(date);
}

/**
 * What the callback schedule reads the time from and waits on (delays, duplicates, retry backoff). The system
 * clock everywhere; tests swap in a fake one they advance (tests/helpers/fake-clock.ts), so a "2 s later"
 * duplicate or a backoff retry is a step of that clock instead of real seconds on a machine of unknown speed.
 */
export type Clock = { now(): Date; sleep(ms: number): Promise<void> };

const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

let scheduleClock: Clock = systemClock;

export const deliveryClock = (): Clock => scheduleClock;

/** Runs the delivery schedule on `clock` until the returned function restores the previous one. */
export function setDeliveryClock(clock: Clock): () => void {
  const previous = scheduleClock;
  scheduleClock = clock;
  return () => {
    scheduleClock = previous;
  };
}
