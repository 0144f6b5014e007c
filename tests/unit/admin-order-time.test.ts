import { afterEach, describe, expect, it, vi } from "vitest";
import { formatOrderTime, timeZoneCity } from "@/lib/admin/order-time";

// The admin order list shows when each order was placed, to the minute, in the store's zone (Africa/Cairo, which
// keeps daylight saving time again since 2023), whatever zone the server runs in.

describe("admin order times", () => {
  it.each([
    ["2026-12-02T12:05:09Z", "2 Dec 2026, 14:05"], // winter: UTC+2
    ["2026-07-01T22:30:00Z", "2 Jul 2026, 01:30"], // summer: UTC+3, already the next day in Cairo
    ["2026-01-01T00:00:59Z", "1 Jan 2026, 02:00"],
  ])("%s reads %s in Cairo", (iso, expected) => {
    expect(formatOrderTime(new Date(iso))).toBe(expected);
  });

  it("two orders of one day differ by their time", () => {
    const morning = formatOrderTime(new Date("2026-12-02T07:00:00Z"));
    const evening = formatOrderTime(new Date("2026-12-02T17:45:00Z"));
    expect(morning).not.toBe(evening);
    expect([morning, evening]).toEqual(["2 Dec 2026, 09:00", "2 Dec 2026, 19:45"]);
  });

  afterEach(() => vi.unstubAllEnvs());

  it("follows the store's region (PAYMOB_REGION) or the region it is given, and names the zone as people do", () => {
    const noon = new Date("2026-12-02T12:05:00Z");
    expect(formatOrderTime(noon, { region: "ksa" })).toBe("2 Dec 2026, 15:05");
    vi.stubEnv("PAYMOB_REGION", "oman");
    expect(formatOrderTime(noon)).toBe("2 Dec 2026, 16:05");
    expect(formatOrderTime(noon, { locale: "ar" })).toBe("٢ ديسمبر ٢٠٢٦، ١٦:٠٥");
    expect(timeZoneCity()).toBe("Cairo");
    expect(timeZoneCity("America/New_York")).toBe("New York");
  });
});
