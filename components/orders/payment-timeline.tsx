import type { TimelineEntry, TimelineNote, TimelineTone } from "@/lib/orders/timeline";
import { STORE_TIME_ZONE } from "@/lib/store";
import { Region, RegionTitle } from "@/components/ui/scoped-id";

const DOT: Record<TimelineTone, string> = {
  neutral: "bg-stone-400",
  info: "bg-sky-600",
  success: "bg-emerald-600",
  warning: "bg-amber-500",
  danger: "bg-red-600",
};

// The store is in Cairo; a fixed zone also keeps server and client renders identical.
const TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: STORE_TIME_ZONE,
});

/**
 * An order's payment story, oldest first, with the time of each step and its offset from the order, so a demo
 * shows at a glance when the callback landed relative to the redirect. `internal` adds ids and developer
 * messages (admin views only); `note` is a last, unsaved line about the current page (the browser redirect).
 */
export function PaymentTimeline({
  entries,
  internal = false,
  note,
  title = "Payment timeline",
  framed = true,
}: {
  entries: TimelineEntry[];
  internal?: boolean;
  note?: TimelineNote;
  title?: string;
  /** Off inside a container that already draws the card (PaymentDetails). */
  framed?: boolean;
}) {
  const start = entries[0]?.at.getTime();
  return (
    <Region className={framed ? "rounded-2xl border border-brand-200 bg-white p-6" : undefined}>
      <RegionTitle className="mb-4 text-lg font-semibold">{title}</RegionTitle>
      <ol className="relative flex flex-col gap-5 border-s border-brand-200 ps-6" data-testid="payment-timeline">
        {entries.map((entry) => (
          <li key={entry.id} className="relative">
            <Dot tone={entry.tone} />
            <div className="flex flex-wrap items-baseline justify-between gap-x-4">
              <p className="font-medium">
                {entry.title}
                {entry.attempt ? (
                  <span className="ms-2 rounded-full bg-brand-100 px-2 py-0.5 text-xs font-medium text-brand-800">
                    attempt {entry.attempt}
                  </span>
                ) : null}
              </p>
              <p className="text-xs tabular-nums text-muted">
                <time dateTime={entry.at.toISOString()}>{TIME.format(entry.at)}</time>
                {start !== undefined && entry.at.getTime() > start ? (
                  <span> · {offset(entry.at.getTime() - start)}</span>
                ) : null}
              </p>
            </div>
            {entry.detail ? <p className="text-sm text-muted">{entry.detail}</p> : null}
            {internal && entry.internal ? (
              <p className="mt-0.5 break-all font-mono text-xs text-muted">{entry.internal}</p>
            ) : null}
          </li>
        ))}
        {note ? (
          <li className="relative">
            <Dot tone={note.tone} />
            <p className="font-medium">{note.title}</p>
            {note.detail ? <p className="text-sm text-muted">{note.detail}</p> : null}
          </li>
        ) : null}
      </ol>
    </Region>
  );
}

function Dot({ tone }: { tone: TimelineTone }) {
  return (
    <span
      aria-hidden="true"
      className={`absolute top-1.5 -start-[1.8rem] size-3 rounded-full ring-4 ring-white ${DOT[tone]}`}
    />
  );
}

/** "+0.4 s", "+12 s", "+3 min 5 s", "+2 h 10 min". */
function offset(ms: number): string {
  if (ms < 10_000) return `+${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `+${s} s`;
  if (s < 3600) return `+${Math.floor(s / 60)} min ${s % 60} s`;
  return `+${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
