import type { OrderEmailKind } from "@/db/schema/order-emails";
import { formatDateTime } from "@/lib/date-time";
import type { AppLocale } from "@/lib/i18n/routing";
import type { LocaleOptions } from "@/lib/locale";
import { formatMoney } from "@/lib/money";
import type { PaymobRegion } from "@/lib/paymob/regions";
import { amountsTable, button, emailDocument, paragraph } from "./email-html";
import { emailWriter, escapeHtml, ltr } from "./email-translator";
import { localizedPath } from "./localized-path";

export type OrderSummary = {
  reference: string;
  currency: string;
  totalMinor: number;
  refundedMinor: number;
  firstName: string;
  lines: readonly { name: string; quantity: number; lineTotalMinor: number }[];
};

export type OrderEmailText = { subject: string; text: string; html: string; url: string };

export type OrderEmailOptions = {
  appUrl: string;
  storeName: string;
  amountMinor: number | null;
  /** The order's language (orders.locale); English by default. */
  locale?: AppLocale;
  /** The store's region: its money format and its clock. Egypt by default. */
  region?: PaymobRegion;
  /** When it happened (paid, refunded): shown in the store's time zone. Left out, the email gives no date. */
  at?: Date;
};

/**
 * The link to the order, from configuration (APP_URL), never from a request, in the email's language. It opens the
 * account's order page, which shows the order only to its owner: an account order to that account, a guest order
 * to whoever signs in with the email it was placed with (guest orders join the account of their verified email at
 * sign-in, lib/auth/sign-in.ts) — proving you read this mailbox, the same thing the link's delivery assumes.
 */
export function orderLink(appUrl: string, reference: string, locale: AppLocale = "en"): string {
  return new URL(localizedPath(`/account/orders/${encodeURIComponent(reference)}`, locale), appUrl).toString();
}

/** Subject, plain-text and HTML bodies of one order email. Pure: the same row always reads the same. */
export function orderEmailText(kind: OrderEmailKind, order: OrderSummary, options: OrderEmailOptions): OrderEmailText {
  const locale = options.locale ?? "en";
  const w = emailWriter(locale, options.region);
  const format: LocaleOptions = { locale, region: options.region };
  const money = (minor: number) => formatMoney(minor, order.currency, format);
  const url = orderLink(options.appUrl, order.reference, locale);
  const reference = ltr(order.reference);
  const date = options.at ? formatDateTime(options.at, { ...format, style: "minute" }) : null;

  const lines = order.lines.map((l) => ({
    values: { quantity: l.quantity, name: l.name, amount: money(l.lineTotalMinor) },
    amount: money(l.lineTotalMinor),
  }));
  const total = money(order.totalMinor);
  const summary = {
    text: [...lines.map((l) => `  ${w.text("line", l.values)}`), `  ${w.text("total", { amount: total })}`],
    html: amountsTable(
      [
        ...lines.map((l) => ({ label: w.html("item", l.values), amount: escapeHtml(l.amount) })),
        { label: w.html("totalLabel"), amount: escapeHtml(total), strong: true },
      ],
      w.dir,
    ),
  };
  const store = ltr(options.storeName);
  const greeting = { name: order.firstName };
  const footer = {
    text: [w.text("seeOrder", { url: ltr(url) }), w.text("signInToOpen"), "", w.text("signature", { store })],
    html: [
      button(url, w.html("viewOrder")),
      paragraph(w.html("signInToOpen"), "color:#57534e;font-size:14px"),
      paragraph(w.html("signature", { store })),
    ],
  };

  let subject: string;
  let message: { text: string[]; html: string[] };
  if (kind === "order_confirmed") {
    subject = w.text("orderConfirmed.subject", { reference });
    const paid = date
      ? {
          text: [w.text("orderConfirmed.paidAt", { date })],
          html: [paragraph(w.html("orderConfirmed.paidAt", { date }))],
        }
      : { text: [], html: [] };
    message = {
      text: [w.text("orderConfirmed.intro", { reference }), ...paid.text],
      html: [paragraph(w.html("orderConfirmed.intro", { reference })), ...paid.html],
    };
  } else {
    subject = w.text("refundIssued.subject", { reference });
    const refunded = options.amountMinor ?? order.refundedMinor;
    const whole = order.refundedMinor >= order.totalMinor;
    const amountKey = whole ? "refundIssued.amountWhole" : "refundIssued.amount";
    const amountValues = { amount: money(refunded), reference };
    const soFar = { refunded: money(order.refundedMinor), total };
    const keys = [
      [amountKey, amountValues],
      ["refundIssued.soFar", soFar],
      ...(date ? [["refundIssued.issuedAt", { date }] as const] : []),
      ["refundIssued.bank", {}],
    ] as const;
    message = {
      text: keys.map(([key, values]) => w.text(key, values)),
      html: keys.map(([key, values]) => paragraph(w.html(key, values))),
    };
  }

  const heading = `<h1 style="margin:0 0 16px;font-size:20px">${w.html(kind === "order_confirmed" ? "orderConfirmed.subject" : "refundIssued.subject", { reference })}</h1>`;
  return {
    subject,
    url,
    text: [w.text("greeting", greeting), "", ...message.text, "", ...summary.text, "", ...footer.text].join("\n"),
    html: emailDocument(w, subject, [
      heading,
      paragraph(w.html("greeting", greeting)),
      ...message.html,
      summary.html,
      ...footer.html,
    ]),
  };
}
