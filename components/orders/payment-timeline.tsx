import { useLocale, useTranslations } from "next-intl";
import { Fragment } from "react";
import type { TimelineEntry, TimelineNote, TimelineTone } from "@/lib/orders/timeline";
import { formatDateTime } from "@/lib/date-time";
import { storeRegion } from "@/lib/store";
import { Region, RegionTitle } from "@/components/ui/scoped-id";
import { timelineText, type DetailPart, type OrdersTranslator } from "./timeline-text";

const DOT: Record<TimelineTone, string> = {
  neutral: "bg-stone-400",
  info: "bg-sky-600",
  success: "bg-emerald-600",
  warning: "bg-amber-500",
  danger: "bg-red-600",
};

/**
 * An order's payment story, oldest first, with the time of each step and its offset from the order, so a demo
 * shows at a glance when the callback landed relative to the redirect. `internal` adds ids and developer
 * messages (admin views only, in English); `note` is a last, unsaved line about the current page (the browser
 * redirect). Times are in the store's zone, so server and client renders agree.
 */
export function PaymentTimeline({
  entries,
  internal = false,
  note,
  title,
  framed = true,
}: {
  entries: TimelineEntry[];
  internal?: boolean;
  note?: TimelineNote;
  title?: string;
  /** Off inside a container that already draws the card (PaymentDetails). */
  framed?: boolean;
}) {
  const t = useTranslations("orders");
  const options = { locale: useLocale(), region: storeRegion() };
  const start = entries[0]?.at.getTime();
  return (
    <Region className={framed ? "rounded-2xl border border-brand-200 bg-white p-6" : undefined}>
      <RegionTitle className="mb-4 text-lg font-semibold">{title ?? t("timeline.title")}</RegionTitle>
      <ol className="relative flex flex-col gap-5 border-s border-brand-200 ps-6" data-testid="payment-timeline">
        {entries.map((entry) => {
          const text = timelineText(entry.event, t, options);
          return (
            <li key={entry.id} className="relative">
              <Dot tone={entry.tone} />
              <div className="flex flex-wrap items-baseline justify-between gap-x-4">
                <p className="font-medium">
                  {text.title}
                  {entry.attempt ? (
                    <span className="ms-2 inline-block whitespace-nowrap rounded-full bg-brand-100 px-2 py-0.5 text-xs font-medium text-brand-800">
                      {t("timeline.attempt", { attempt: entry.attempt })}
                    </span>
                  ) : null}
                </p>
                <p className="text-xs tabular-nums text-muted">
                  <time dateTime={entry.at.toISOString()}>
                    {formatDateTime(entry.at, { ...options, style: "step" })}
                  </time>
                  {start !== undefined && entry.at.getTime() > start ? (
                    <span>
                      {" · "}
                      <bdi>{offset(entry.at.getTime() - start, t)}</bdi>
                    </span>
                  ) : null}
                </p>
              </div>
              {text.detail.length > 0 ? (
                <p className="text-sm text-muted">
                  <Detail parts={text.detail} />
                </p>
              ) : null}
              {internal && entry.internal ? (
                <p className="mt-0.5 break-all font-mono text-xs text-muted" dir="ltr" lang="en">
                  {entry.internal}
                </p>
              ) : null}
            </li>
          );
        })}
        {note ? (
          <li className="relative">
            <Dot tone={note.tone} />
            <p className="font-medium">{t("timeline.redirect.title")}</p>
            <p className="text-sm text-muted">
              {note.verified
                ? t("timeline.redirect.verified", { said: note.said, id: String(note.transactionId ?? "—") })
                : t("timeline.redirect.unverified")}
            </p>
          </li>
        ) : null}
      </ol>
    </Region>
  );
}

/** Parts joined by " · "; a stored record keeps its English and its left-to-right order inside Arabic text. */
function Detail({ parts }: { parts: DetailPart[] }) {
  return parts.map((part, i) => (
    <Fragment key={i}>
      {i > 0 ? " · " : null}
      {typeof part === "string" ? (
        part
      ) : (
        <bdi dir="ltr" lang="en">
          {part.record}
        </bdi>
      )}
    </Fragment>
  ));
}

function Dot({ tone }: { tone: TimelineTone }) {
  return (
    <span
      aria-hidden="true"
      className={`absolute top-1.5 -start-[1.8rem] size-3 rounded-full ring-4 ring-white ${DOT[tone]}`}
    />
  );
}

/** "+0.4 s", "+12 s", "+3 min 5 s", "+2 h 10 min" (in the page's language). */
function offset(ms: number, t: OrdersTranslator): string {
  if (ms < 10_000) return t("timeline.offset.tenths", { seconds: Math.round(ms / 100) / 10 });
  const s = Math.round(ms / 1000);
  if (s < 60) return t("timeline.offset.seconds", { seconds: s });
  if (s < 3600) return t("timeline.offset.minutes", { minutes: Math.floor(s / 60), seconds: s % 60 });
  return t("timeline.offset.hours", { hours: Math.floor(s / 3600), minutes: Math.floor((s % 3600) / 60) });
}
