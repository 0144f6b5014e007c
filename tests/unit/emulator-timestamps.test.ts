import { describe, expect, it } from "vitest";
import { paymobTimestamp, regionDay } from "@/lib/emulator/time";

// Each region's timestamps as its real payloads write them (docs/paymob.md § "Regions and hosts"): local wall-clock
// time with microseconds; Egypt without an offset, the Gulf regions with theirs.
describe("paymobTimestamp", () => {
  const winter = new Date("2026-01-15T12:00:00.123Z");
  const summer = new Date("2026-07-01T12:00:00.007Z"); // Egypt keeps summer time (UTC+3) again since 2023

  it.each([
    ["egypt", winter, "2026-01-15T14:00:00.123456"],
    ["egypt", summer, "2026-07-01T15:00:00.007456"],
    ["ksa", winter, "2026-01-15T15:00:00.123456+03:00"],
    ["ksa", summer, "2026-07-01T15:00:00.007456+03:00"],
    ["uae", winter, "2026-01-15T16:00:00.123456+04:00"],
    ["oman", summer, "2026-07-01T16:00:00.007456+04:00"],
  ] as const)("%s at %s → %s", (region, date, expected) => {
    expect(paymobTimestamp(region, date, 456)).toBe(expected);
  });

  it("pads the microseconds the clock does not have", () => {
    expect(paymobTimestamp("egypt", new Date("2026-01-15T22:59:59.000Z"), 7)).toBe("2026-01-16T00:59:59.000007");
  });
});

// The void window is the payment's calendar day where the account is: 21:30 UTC on 15 January is still the 15th
// in Cairo (23:30) but already the 16th in Riyadh (00:30), Dubai and Muscat (01:30).
describe("regionDay", () => {
  const lateEvening = new Date("2026-01-15T21:30:00Z");
  it.each([
    ["egypt", "2026-01-15"],
    ["ksa", "2026-01-16"],
    ["uae", "2026-01-16"],
    ["oman", "2026-01-16"],
  ] as const)("%s → %s", (region, day) => {
    expect(regionDay(region, lateEvening)).toBe(day);
  });
});
