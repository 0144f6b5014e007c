import { describe, expect, it } from "vitest";
import { formatDateTime } from "@/lib/date-time";
import { PAYMOB_REGIONS, REGION_NAMES } from "@/lib/paymob/regions";

// Order times in the region's own zone and the page's language, whatever zone the server runs in. 21:30 UTC is
// still the 2nd in Cairo but already the 3rd in Riyadh (UTC+3), Dubai and Muscat (UTC+4), none of which keeps
// daylight saving time; Cairo does (UTC+3 in summer), which the July rows show. Expectations are Node's ICU 78.

const LATE_EVENING = new Date("2026-12-02T21:30:00Z");
const SUMMER_EVENING = new Date("2026-07-01T21:30:00Z");
const ARABIC_MONTHS = [
  "يناير",
  "فبراير",
  "مارس",
  "أبريل",
  "مايو",
  "يونيو",
  "يوليو",
  "أغسطس",
  "سبتمبر",
  "أكتوبر",
  "نوفمبر",
  "ديسمبر",
];

describe("formatDateTime", () => {
  it("keeps the store's English output in Egypt (what the admin list and order pages printed before)", () => {
    const noon = new Date("2026-12-02T12:05:09Z");
    expect(formatDateTime(noon)).toBe("2 Dec 2026, 14:05");
    expect(formatDateTime(noon, { locale: "en", region: "egypt", style: "second" })).toBe("2 Dec 2026, 14:05:09 EET");
    expect(formatDateTime(noon, { style: "date" })).toBe("2 Dec 2026");
  });

  it.each([
    ["egypt", "2 Dec 2026, 23:30", "٢ ديسمبر ٢٠٢٦، ٢٣:٣٠"],
    ["ksa", "3 Dec 2026, 00:30", "٣ ديسمبر ٢٠٢٦، ٠٠:٣٠"],
    ["uae", "3 Dec 2026, 01:30", "3 ديسمبر 2026، 01:30"], // ar-AE: Latin digits by default
    ["oman", "3 Dec 2026, 01:30", "٣ ديسمبر ٢٠٢٦، ٠١:٣٠"],
  ] as const)("21:30 UTC on 2 Dec in %s → en %s, ar %s", (region, en, ar) => {
    expect(formatDateTime(LATE_EVENING, { locale: "en", region })).toBe(en);
    expect(formatDateTime(LATE_EVENING, { locale: "ar", region })).toBe(ar);
  });

  it.each([
    ["egypt", "2 Jul 2026, 00:30"], // summer time: UTC+3, like Riyadh
    ["ksa", "2 Jul 2026, 00:30"],
    ["uae", "2 Jul 2026, 01:30"],
    ["oman", "2 Jul 2026, 01:30"],
  ] as const)("21:30 UTC on 1 Jul in %s → %s", (region, expected) => {
    expect(formatDateTime(SUMMER_EVENING, { region })).toBe(expected);
  });

  it("names the zone in full timestamps, in either language", () => {
    expect(formatDateTime(LATE_EVENING, { region: "ksa", style: "second" })).toBe("3 Dec 2026, 00:30:00 GMT+3");
    expect(formatDateTime(LATE_EVENING, { region: "uae", style: "second" })).toBe("3 Dec 2026, 01:30:00 GST");
    expect(formatDateTime(SUMMER_EVENING, { region: "egypt", style: "second" })).toBe("2 Jul 2026, 00:30:00 EEST");
    expect(formatDateTime(LATE_EVENING, { locale: "ar", region: "oman", style: "second" })).toBe(
      "٣ ديسمبر ٢٠٢٦، ٠١:٣٠:٠٠ غرينتش+٤",
    );
  });

  it("writes Arabic month names, and dates (not just times) in words rather than all digits", () => {
    for (const region of REGION_NAMES)
      for (const style of ["minute", "second", "date"] as const) {
        const shown = formatDateTime(LATE_EVENING, { locale: "ar", region, style });
        expect(shown).toContain("ديسمبر");
        expect(shown).not.toMatch(/Dec/);
      }
    const months = Array.from({ length: 12 }, (_, m) =>
      formatDateTime(new Date(Date.UTC(2026, m, 15, 12)), { locale: "ar", region: "ksa", style: "date" }),
    );
    expect(months.map((d) => ARABIC_MONTHS.find((name) => d.includes(name)))).toEqual(ARABIC_MONTHS);
  });

  it("uses the Gregorian calendar in Saudi Arabia too", () => {
    expect(formatDateTime(LATE_EVENING, { locale: "ar", region: "ksa", digits: "latn", style: "date" })).toBe(
      "3 ديسمبر 2026",
    );
  });

  it.each([
    ["egypt", "latn", "2 ديسمبر 2026، 23:30"],
    ["uae", "arab", "٣ ديسمبر ٢٠٢٦، ٠١:٣٠"],
    ["oman", "latn", "3 ديسمبر 2026، 01:30"],
  ] as const)("in %s the digit setting %s overrides the locale's", (region, digits, expected) => {
    expect(formatDateTime(LATE_EVENING, { locale: "ar", region, digits })).toBe(expected);
  });

  it("uses each region's zone from the one region table", () => {
    expect(REGION_NAMES.map((r) => PAYMOB_REGIONS[r].timeZone)).toEqual([
      "Africa/Cairo",
      "Asia/Riyadh",
      "Asia/Dubai",
      "Asia/Muscat",
    ]);
  });
});
