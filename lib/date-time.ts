import { digitsFor, localeTag, withDigits, type LocaleOptions } from "@/lib/locale";
import { PAYMOB_REGIONS } from "@/lib/paymob/regions";

// Times as the store shows them: in the region's own zone (the server's is arbitrary), in the page's language.

const STYLES = {
  /** "2 Dec 2026, 14:05": order lists, where two orders of one day must be told apart. */
  minute: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  /** "2 Dec 2026, 14:05:09 EET": an order's own page and the admin's event lists, zone named so none is misread. */
  second: {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  },
  /** "2 Dec, 14:05:09": the steps of one payment, close together, whose day the order's own date gives. */
  step: { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" },
  /** "2 Dec 2026". Spelled out rather than dateStyle "medium", which Arabic writes all in digits (٠٢/١٢/٢٠٢٦). */
  date: { day: "numeric", month: "short", year: "numeric" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateTimeStyle = keyof typeof STYLES;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Arabic uses the region's own tag (ar-EG, ar-SA, …). English does not: CLDR has English data for the UAE only,
 * and en-EG, en-SA and en-OM fall back to US English ("Dec 2, 2026"), month first, which none of the four countries
 * writes; British English gives the day-first dates the store has always printed. The Gregorian calendar is
 * pinned: Paymob's dashboard and the store's records use it, and ar-SA's default calendar has changed between
 * CLDR releases (Islamic Umm al-Qura before CLDR 42).
 */
function formatter(style: DateTimeStyle, options: LocaleOptions): Intl.DateTimeFormat {
  const { locale = "en", region = "egypt", digits = digitsFor(locale) } = options;
  const tag = locale === "en" ? withDigits("en-GB", digits) : localeTag({ locale, region, digits });
  const timeZone = PAYMOB_REGIONS[region].timeZone;
  const key = `${tag}|${timeZone}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(tag, { ...STYLES[style], calendar: "gregory", timeZone });
    formatters.set(key, f);
  }
  return f;
}

/** A moment in the region's zone and the given language: `formatDateTime(d, { locale: "ar", region: "ksa" })`. */
export function formatDateTime(date: Date, options: LocaleOptions & { style?: DateTimeStyle } = {}): string {
  const { style = "minute", ...locale } = options;
  return formatter(style, locale).format(date);
}
