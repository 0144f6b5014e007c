import type { OrderEmailKind } from "@/db/schema/order-emails";
import { formatMoney } from "@/lib/money";

export type OrderSummary = {
  reference: string;
  currency: string;
  totalMinor: number;
  refundedMinor: number;
  firstName: string;
  lines: readonly { name: string; quantity: number; lineTotalMinor: number }[];
};

export type OrderEmailText = { subject: string; text: string; url: string };

/**
 * The link to the order, from configuration (APP_URL), never from a request. It opens the account's order page,
 * which shows the order only to its owner: an account order to that account, a guest order to whoever signs in
 * with the email it was placed with (guest orders join the account of their verified email at sign-in,
 * lib/auth/sign-in.ts) — proving you read this mailbox, the same thing the link's delivery assumes.
 */
export function orderLink(appUrl: string, reference: string): string {
  return new URL(`/account/orders/${encodeURIComponent(reference)}`, appUrl).toString();
}

/** Subject and plain-text body of one order email. Pure: the same row always reads the same. */
export function orderEmailText(
  kind: OrderEmailKind,
  order: OrderSummary,
  options: { appUrl: string; storeName: string; amountMinor: number | null },
): OrderEmailText {
  const money = (minor: number) => formatMoney(minor, order.currency);
  const url = orderLink(options.appUrl, order.reference);
  const lines = order.lines.map((l) => `  ${l.quantity} × ${l.name} — ${money(l.lineTotalMinor)}`);
  const summary = [...lines, `  Total: ${money(order.totalMinor)}`];
  const greeting = `Hello ${order.firstName},`;
  const footer = [
    `See your order: ${url}`,
    "(Sign in with this email address to open it.)",
    "",
    `— ${options.storeName}`,
  ];
  if (kind === "order_confirmed") {
    return {
      subject: `Order ${order.reference} confirmed`,
      url,
      text: [
        greeting,
        "",
        `Thank you: we received your payment for order ${order.reference}.`,
        "",
        ...summary,
        "",
        ...footer,
      ].join("\n"),
    };
  }
  const refunded = options.amountMinor ?? order.refundedMinor;
  const full = order.refundedMinor >= order.totalMinor;
  return {
    subject: `Refund issued for order ${order.reference}`,
    url,
    text: [
      greeting,
      "",
      `We refunded ${money(refunded)} for order ${order.reference}${full ? " (the whole order)" : ""}.`,
      `Refunded so far: ${money(order.refundedMinor)} of ${money(order.totalMinor)}.`,
      "Your bank may take a few days to show it on your statement.",
      "",
      ...summary,
      "",
      ...footer,
    ].join("\n"),
  };
}
