import { formatDateTime } from "@/components/account/format";
import type { PaymentEvent } from "@/db/schema/payments";
import { ReplayForm } from "./replay-form";

function prettyJson(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw; // stored as received (or its first 2 KiB), even when it is not JSON
  }
}

/** Unverified bodies are kept as an excerpt: say so, with what identifies the whole body. */
function bodyLabel(event: PaymentEvent): string {
  if (!event.bodyTruncated) return "Raw body";
  return `Raw body: first 2 KiB of ${event.bodyBytes?.toLocaleString("en") ?? "?"} bytes, sha256 ${event.bodySha256 ?? "?"}`;
}

const VERIFICATION_TONES: Record<PaymentEvent["verification"], string> = {
  valid: "bg-emerald-50 text-emerald-900",
  invalid: "bg-red-50 text-red-900",
  missing: "bg-amber-50 text-amber-900",
};

/** Every callback received for the order, oldest first, as stored; verified transactions can be replayed. */
export function CallbackTimeline({ reference, events }: { reference: string; events: PaymentEvent[] }) {
  if (events.length === 0) return <p className="text-sm text-stone-600">No callbacks received yet.</p>;
  return (
    <ol className="space-y-3">
      {events.map((event) => (
        <li
          key={event.id}
          className="rounded-md border border-stone-200 bg-white p-3 text-sm"
          data-testid="callback-event"
        >
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-xs text-stone-600">#{event.id}</span>
            <time dateTime={event.receivedAt.toISOString()}>{formatDateTime(event.receivedAt)}</time>
            <span className="font-medium">{event.kind}</span>
            <span className="text-stone-600">via {event.source}</span>
            <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${VERIFICATION_TONES[event.verification]}`}>
              HMAC {event.verification}
            </span>
            {event.outcome ? (
              <span className="rounded bg-stone-100 px-1.5 py-0.5 font-mono text-xs">{event.outcome}</span>
            ) : null}
            {event.paymobTransactionId ? (
              <span className="font-mono text-xs">txn {event.paymobTransactionId}</span>
            ) : null}
          </div>
          {event.detail ? <p className="mt-1 text-stone-700">{event.detail}</p> : null}
          <details className="mt-2">
            <summary className="cursor-pointer break-all text-xs text-brand-700">{bodyLabel(event)}</summary>
            <pre className="mt-2 max-h-96 overflow-auto rounded bg-stone-900 p-3 text-xs text-stone-100">
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
