import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { PaymentEvent } from "@/db/schema/payments";
import { storeRegion } from "@/lib/store";
import { adminFormats } from "./formats";
import type { AdminT } from "./notice-text";
import { ReplayForm } from "./replay-form";

function prettyJson(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw; // stored as received (or its first 2 KiB), even when it is not JSON
  }
}

/** Unverified bodies are kept as an excerpt: say so, with what identifies the whole body. */
function bodyLabel(t: AdminT, event: PaymentEvent): ReactNode {
  if (!event.bodyTruncated) return t("callbacks.rawBody");
  return t.rich("callbacks.rawExcerpt", {
    bytes: event.bodyBytes ?? "?",
    sha: event.bodySha256 ?? "?",
    bdi: (chunks) => <bdi>{chunks}</bdi>,
  });
}

const VERIFICATION_TONES: Record<PaymentEvent["verification"], string> = {
  valid: "bg-emerald-50 text-emerald-900",
  invalid: "bg-red-50 text-red-900",
  missing: "bg-amber-50 text-amber-900",
};

/** Every callback received for the order, oldest first, as stored; verified transactions can be replayed. */
export function CallbackTimeline({ reference, events }: { reference: string; events: PaymentEvent[] }) {
  const t = useTranslations("admin");
  const { dateTime } = adminFormats(useLocale(), storeRegion());
  if (events.length === 0) return <p className="text-sm text-stone-600">{t("callbacks.none")}</p>;
  return (
    <ol className="space-y-3">
      {events.map((event) => (
        <li
          key={event.id}
          className="rounded-md border border-stone-200 bg-white p-3 text-sm"
          data-testid="callback-event"
        >
          <div className="flex flex-wrap items-center gap-2">
            <bdi className="font-mono text-xs text-stone-600">#{event.id}</bdi>
            <time dateTime={event.receivedAt.toISOString()}>{dateTime(event.receivedAt)}</time>
            {/* Paymob's own names for the callback type (TRANSACTION, TOKEN) and the handler's outcome codes. */}
            <bdi className="font-medium">{event.kind}</bdi>
            <span className="text-stone-600">{t("callbacks.via", { source: event.source })}</span>
            <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${VERIFICATION_TONES[event.verification]}`}>
              {t("callbacks.hmac", { verification: event.verification })}
            </span>
            {event.outcome ? (
              <bdi className="rounded bg-stone-100 px-1.5 py-0.5 font-mono text-xs">{event.outcome}</bdi>
            ) : null}
            {event.paymobTransactionId ? (
              <span className="font-mono text-xs">
                {t.rich("attempt.txn", { id: String(event.paymobTransactionId), bdi: (chunks) => <bdi>{chunks}</bdi> })}
              </span>
            ) : null}
          </div>
          {/* The handler's note on the callback, recorded for developers: English, as in the logs. */}
          {event.detail ? (
            <p className="mt-1 text-stone-700" dir="ltr" lang="en">
              {event.detail}
            </p>
          ) : null}
          <details className="mt-2">
            <summary className="cursor-pointer break-all text-xs text-brand-700">{bodyLabel(t, event)}</summary>
            <pre dir="ltr" className="mt-2 max-h-96 overflow-auto rounded bg-stone-900 p-3 text-xs text-stone-100">
              {prettyJson(event.rawBody)}
            </pre>
          </details>
          {event.kind === "TRANSACTION" && event.verification === "valid" ? (
            <div className="mt-2">
              <ReplayForm reference={reference} eventId={event.id} />
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
