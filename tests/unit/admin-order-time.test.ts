import { describe, expect, it } from "vitest";
import { adminFormats } from "@/components/admin/formats";

// The admin order list shows when each order was placed, to the minute, in the store's zone (Africa/Cairo, which
// keeps daylight saving time again since 2023), whatever zone the server runs in, in the admin's language.

describe("admin order times", () => {
  const cairo = adminFormats("en", "egypt");

  it.each([
    ["2026-12-02T12:05:09Z", "2 Dec 2026, 14:05"], // winter: UTC+2
    ["2026-07-01T22:30:00Z", "2 Jul 2026, 01:30"], // summer: UTC+3, already the next day in Cairo
    ["2026-01-01T00:00:59Z", "1 Jan 2026, 02:00"],
  ])("%s reads %s in Cairo", (iso, expected) => {
    expect(cairo.minute(new Date(iso))).toBe(expected);
  });

  it("two orders of one day differ by their time", () => {
    const morning = cairo.minute(new Date("2026-12-02T07:00:00Z"));
    const evening = cairo.minute(new Date("2026-12-02T17:45:00Z"));
    expect([morning, evening]).toEqual(["2 Dec 2026, 09:00", "2 Dec 2026, 19:45"]);
  });

  it("follows the store's region and the admin's language", () => {
    const noon = new Date("2026-12-02T12:05:00Z");
    expect(adminFormats("en", "ksa").minute(noon)).toBe("2 Dec 2026, 15:05");
    expect(adminFormats("en", "oman").minute(noon)).toBe("2 Dec 2026, 16:05");
    expect(adminFormats("ar", "oman").minute(noon)).toBe("٢ ديسمبر ٢٠٢٦، ١٦:٠٥");
  });

  it("formats money in the admin's language and the region's conventions", () => {
    expect(adminFormats("en", "egypt").money(35_000, "EGP")).toMatch(/^EGP\s350\.00$/);
    expect(adminFormats("ar", "egypt").money(35_000, "EGP")).toMatch(/٣٥٠٫٠٠/);
    expect(adminFormats("ar", "oman").money(12_345, "OMR")).toMatch(/١٢٫٣٤٥/);
  });
});
