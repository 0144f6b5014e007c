import { createTranslator } from "next-intl";
import { messageFormats } from "@/lib/i18n/formats";
import { MESSAGES } from "@/lib/i18n/messages";
import { localeDirection, type AppLocale } from "@/lib/i18n/routing";
import type { PaymobRegion } from "@/lib/paymob/regions";

// Emails are written outside any page (after a callback's response, inside Auth.js), where next-intl's request
// config does not apply: the translator is built from the messages directly, for the language the email is
// owed in, with the same typed keys as the pages (namespace "email", lib/i18n/messages/{en,ar}/email.json), and
// the store region's digits.

function emailTranslator(locale: AppLocale, region: PaymobRegion = "egypt") {
  return createTranslator({
    locale,
    messages: MESSAGES[locale],
    namespace: "email",
    formats: messageFormats(locale, region),
  });
}

type EmailTranslator = ReturnType<typeof emailTranslator>;
export type EmailMessageKey = Parameters<EmailTranslator>[0];

/** A run that reads left to right whatever the language around it: order references, addresses, URLs. */
export type LeftToRight = { ltr: string };
export const ltr = (value: string): LeftToRight => ({ ltr: value });

/** A placeholder's value: text (escaped in HTML), a left-to-right run, or a number for ICU plurals. */
type EmailValue = string | number | LeftToRight;
type EmailValues = Record<string, EmailValue>;

// Unicode LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE: in a right-to-left plain-text body, "NC-7K3M9Q2D" and
// a URL keep their order, and the punctuation after them stays on the Arabic side (Unicode bidi, UAX #9 §2.7).
const LRI = "\u2066";
const PDI = "\u2069";
// Private-use characters mark where a value goes while the message text is escaped: no message contains them, and
// escaping leaves them alone, so a customer's name can never become markup.
const OPEN = "\uE000";
const CLOSE = "\uE001";

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** One email's messages in one language (numbers in the region's digits), as plain text and as HTML. */
export function emailWriter(locale: AppLocale, region?: PaymobRegion) {
  const t = emailTranslator(locale, region);
  const rtl = localeDirection(locale) === "rtl";
  const translate = (key: EmailMessageKey, values: Record<string, string | number>) => t(key, values);

  return {
    locale,
    dir: localeDirection(locale),
    /** The message as plain text; left-to-right runs isolated in right-to-left text only. */
    text(key: EmailMessageKey, values: EmailValues = {}): string {
      const plain = Object.fromEntries(
        Object.entries(values).map(([name, v]) => [
          name,
          typeof v === "object" ? (rtl ? LRI + v.ltr + PDI : v.ltr) : v,
        ]),
      );
      return translate(key, plain);
    },
    /** The message as HTML: its own text and every value escaped, left-to-right runs in <span dir="ltr">. */
    html(key: EmailMessageKey, values: EmailValues = {}): string {
      const slots: string[] = [];
      const marked = Object.fromEntries(
        Object.entries(values).map(([name, v]) => {
          if (typeof v === "number") return [name, v];
          slots.push(typeof v === "object" ? `<span dir="ltr">${escapeHtml(v.ltr)}</span>` : escapeHtml(v));
          return [name, `${OPEN}${slots.length - 1}${CLOSE}`];
        }),
      );
      return escapeHtml(translate(key, marked)).replace(
        new RegExp(`${OPEN}(\\d+)${CLOSE}`, "g"),
        (_, index: string) => slots[Number(index)]!,
      );
    },
  };
}

export type EmailWriter = ReturnType<typeof emailWriter>;
