import type { Formats } from "next-intl";
import { localeTag, numberingSystem } from "@/lib/locale";
import type { PaymobRegion } from "@/lib/paymob/regions";
import type { AppLocale } from "./routing";

// Numbers inside messages ("٣ منتجات", "بعد ٥ دقائق") in the same digits as the prices beside them. ICU's `#` and
// a bare `{count}` are written with the message's locale alone ("ar", which CLDR writes in Latin digits) and no
// option reaches them, so every number in a message is `{n, number, whole}` (or `tenths`), and these two styles
// carry the numbering system of the language in the store's region and NEXT_PUBLIC_ARABIC_DIGITS. A unit test
// refuses a message with `#` or a bare numeric placeholder.

function buildFormats(locale: AppLocale, region: PaymobRegion) {
  const digits = numberingSystem({ locale, region });
  return {
    number: {
      whole: { maximumFractionDigits: 0, numberingSystem: digits },
      tenths: { minimumFractionDigits: 1, maximumFractionDigits: 1, numberingSystem: digits },
    },
  } satisfies Formats;
}

// Read on every request and for every email: built once per tag (which carries a forced digits setting too).
const built = new Map<string, ReturnType<typeof buildFormats>>();

export function messageFormats(locale: AppLocale, region: PaymobRegion): ReturnType<typeof buildFormats> {
  const tag = localeTag({ locale, region });
  let formats = built.get(tag);
  if (!formats) {
    formats = buildFormats(locale, region);
    built.set(tag, formats);
  }
  return formats;
}
