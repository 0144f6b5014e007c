import type { useTranslations } from "next-intl";
import en from "@/lib/i18n/messages/en/orders.json";
import type { LocaleOptions } from "@/lib/locale";
import { formatMoney } from "@/lib/money";
import { formatAmountsIn, type TimelineEvent } from "@/lib/orders/timeline";

export type OrdersTranslator = ReturnType<typeof useTranslations<"orders">>;

/**
 * A part of a step's detail line: words in the page's language, or a `record`, which is what the state machine
 * stored when the callback landed ("refund via parent, total 35000 (full) (Approved)"). A record stays as written,
 * in English and left to right, with its amounts formatted for the store's region.
 */
export type DetailPart = string | { record: string };

export type TimelineText = { title: string; detail: DetailPart[] };

/** The words for one step of the payment timeline, from its codes. */
export function timelineText(
  event: TimelineEvent,
  t: OrdersTranslator,
  options: Required<Pick<LocaleOptions, "locale" | "region">>,
): TimelineText {
  const status = (code: string) => (isKeyOf(en.status, code) ? t(`status.${code}`) : code.replaceAll("_", " "));
  const outcome = (code: string | undefined) =>
    code === undefined
      ? undefined
      : isKeyOf(en.timeline.outcome, code)
        ? t(`timeline.outcome.${code}`)
        : code.replaceAll("_", " ");
  const record = (stored: string | undefined, currency: string): DetailPart | undefined =>
    stored === undefined ? undefined : { record: formatAmountsIn(stored, currency, { region: options.region }) };
  const parts = (...list: (DetailPart | undefined)[]) => list.filter((p): p is DetailPart => p !== undefined);

  switch (event.kind) {
    case "placed":
      return {
        title: t("timeline.placed", { reference: event.reference }),
        detail: [t("timeline.placedDetail", { amount: formatMoney(event.totalMinor, event.currency, options) })],
      };
    case "retry":
      return {
        title: t("timeline.retry", { attempt: event.attempt }),
        detail: [t("timeline.retryDetail", { mode: t(`timeline.mode.${event.mode}`) })],
      };
    case "intention":
      return {
        title: t("timeline.intention"),
        detail: [t("timeline.intentionDetail", { reference: event.reference })],
      };
    case "refused":
      return { title: t("timeline.refused"), detail: [t("timeline.refusedDetail")] };
    case "opened":
      return { title: t(event.mode === "pixel" ? "timeline.openedPixel" : "timeline.openedRedirect"), detail: [] };
    case "status": {
      const title = t("timeline.statusChange", { from: status(event.from), to: status(event.to) });
      const id = String(event.transactionId);
      if (!event.fact) return { title, detail: [t("timeline.transaction", { id })] };
      const fact = isKeyOf(en.timeline.fact, event.fact)
        ? t(`timeline.fact.${event.fact}`)
        : event.fact.replaceAll("_", " ");
      return { title, detail: [t("timeline.transactionFact", { id, fact })] };
    }
    case "inquiry":
      return {
        title: t("timeline.inquiry"),
        detail: parts(record(event.stored, event.currency), outcome(event.outcome)),
      };
    case "callback": {
      const title =
        event.source === "replay"
          ? t("timeline.callbackReplayed")
          : event.token
            ? t("timeline.callbackToken")
            : t("timeline.callback");
      return {
        title,
        detail: parts(
          t(`timeline.verification.${event.verification}`),
          record(event.stored, event.currency),
          outcome(event.outcome),
        ),
      };
    }
  }
}

/** The detail line as plain text, parts joined as the page shows them. */
export function detailText(detail: DetailPart[]): string {
  return detail.map((part) => (typeof part === "string" ? part : part.record)).join(" · ");
}

/** Codes come from stored rows (outcomes, facts, statuses): one the messages do not know is shown as written. */
function isKeyOf<T extends object>(messages: T, code: string): code is Extract<keyof T, string> {
  return Object.hasOwn(messages, code);
}
