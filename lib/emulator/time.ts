// Paymob timestamps are local wall-clock time with microseconds. Egypt samples omit the offset, KSA/UAE samples
// carry one (`+03:00`). The emulator always emits Cairo time WITH its offset: it is the harder variant for a
// merchant (a raw `+` in a redirect query decodes to a space and breaks the HMAC), so the loop proves it works.
const CAIRO = "Africa/Cairo";

const partsFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: CAIRO,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZoneName: "longOffset",
});

/** e.g. `2026-11-24T14:03:11.123456+02:00`. The last three microsecond digits are random (JS has ms only). */
export function paymobTimestamp(date: Date = new Date(), micros = Math.floor(Math.random() * 1000)): string {
  const parts = Object.fromEntries(partsFormatter.formatToParts(date).map((p) => [p.type, p.value]));
  const offset = (parts.timeZoneName ?? "GMT").replace("GMT", "") || "+00:00";
  const fraction = String(date.getUTCMilliseconds()).padStart(3, "0") + String(micros).padStart(3, "0");
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}.${fraction}${offset}`;
}

/** Cairo calendar day (YYYY-MM-DD) of a moment: voids are only allowed on the day of the payment. */
export function cairoDay(date: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: CAIRO,
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
