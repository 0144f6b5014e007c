import type { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { AdminNotice } from "@/lib/admin/notices";

export type AdminT = ReturnType<typeof useTranslations<"admin">>;

type Values = Record<string, string | number>;

const yes = (flag: boolean) => (flag ? "yes" : "no");

/**
 * The ICU values of one notice: amounts formatted here, in the page's language and the store's region; ids and
 * Paymob's own words passed as text (never as numbers, which Arabic would write in other digits).
 */
function values(notice: AdminNotice, t: AdminT, money: (minor: number, currency: string) => string): Values {
  switch (notice.code) {
    case "rate_limited": {
      const seconds = Math.max(1, notice.retryAfterSeconds);
      return { seconds, minutes: seconds < 60 ? 0 : Math.ceil(seconds / 60) };
    }
    case "form_incomplete":
      return { form: notice.form };
    case "nothing_to_refund":
    case "refund_pending":
      return { hasPending: yes(notice.pendingMinor > 0), pending: money(notice.pendingMinor, notice.currency) };
    case "refund_exceeds":
      return {
        amount: money(notice.amountMinor, notice.currency),
        hasPending: yes(notice.pendingMinor > 0),
        pending: money(notice.pendingMinor, notice.currency),
      };
    case "amount_unreadable":
      return { example: notice.example };
    case "authorised_amount_differs":
      return {
        authorised: money(notice.authorisedMinor, notice.currency),
        order: money(notice.orderMinor, notice.currency),
      };
    case "confirm_refund":
      return {
        amount: money(notice.amountMinor, notice.currency),
        reference: notice.reference,
        whole: yes(notice.whole),
      };
    case "confirm_void":
    case "confirm_authorisation_void":
      return { amount: money(notice.amountMinor, notice.currency), reference: notice.reference };
    case "requested":
      return { kind: notice.kind, amount: money(notice.amountMinor, notice.currency), pending: yes(notice.pending) };
    case "paymob_refused":
    case "paymob_unconfirmed":
      return { kind: notice.kind, amount: money(notice.amountMinor, notice.currency), reason: notice.reason };
    case "paymob_declined":
      return {
        kind: notice.kind,
        amount: money(notice.amountMinor, notice.currency),
        hasSaid: yes(Boolean(notice.said)),
        said: notice.said ?? "",
      };
    case "released":
      return { kind: notice.kind };
    case "replayed":
      return {
        eventId: String(notice.eventId),
        outcome: notice.outcome,
        changed: yes(notice.from !== null && notice.to !== null),
        from: notice.from ? t(`status.${notice.from}`) : "",
        to: notice.to ? t(`status.${notice.to}`) : "",
      };
    case "replay_refused":
      return { reason: notice.reason };
    case "price_unreadable":
      return { input: notice.input, currency: notice.currency, example: notice.example };
    case "price_too_high":
      return { max: money(notice.maxMinor, notice.currency) };
    case "currency_changed":
      return { productCurrency: notice.productCurrency, formCurrency: notice.formCurrency };
    case "price_unchanged":
      return { product: notice.product, price: money(notice.priceMinor, notice.currency) };
    case "price_changed":
      return {
        product: notice.product,
        price: money(notice.priceMinor, notice.currency),
        oldPrice: money(notice.oldPriceMinor, notice.currency),
      };
    default:
      return {};
  }
}

/** A notice in the admin's language; references, amounts typed and Paymob's words kept left-to-right in <bdi>. */
export function noticeText(
  t: AdminT,
  notice: AdminNotice,
  money: (minor: number, currency: string) => string,
): ReactNode {
  return t.rich(`notice.${notice.code}`, {
    ...values(notice, t, money),
    bdi: (chunks) => <bdi>{chunks}</bdi>,
  });
}
