import { formatDateTime } from "@/components/account/format";
import type { OrderEmail } from "@/db/schema/order-emails";
import { MAX_EMAIL_ATTEMPTS } from "@/lib/mail/order-emails";

const KIND_LABELS: Record<OrderEmail["kind"], string> = {
  order_confirmed: "Order confirmed",
  refund_issued: "Refund issued",
};

/** What the order-email outbox holds for this order: sent, waiting for a retry, or given up (lib/mail). */
export function OrderEmailList({ emails }: { emails: OrderEmail[] }) {
  if (emails.length === 0) return <p className="text-sm text-stone-600">No customer emails for this order yet.</p>;
  return (
    <ul className="divide-y divide-stone-100 rounded-md border border-stone-200 bg-white text-sm">
      {emails.map((e) => (
        <li key={e.id} className="p-3" data-testid="order-email">
          <p className="font-medium">{KIND_LABELS[e.kind]}</p>
          <p className="text-stone-600">
            {e.sentAt
              ? `Sent ${formatDateTime(e.sentAt)}`
              : e.attempts >= MAX_EMAIL_ATTEMPTS
                ? `Not sent: gave up after ${e.attempts} attempts`
                : `Not sent yet: ${e.attempts} ${e.attempts === 1 ? "attempt" : "attempts"}, next ${formatDateTime(e.nextAttemptAt)}`}
          </p>
          {!e.sentAt && e.lastError ? <p className="break-words text-red-800">Last error: {e.lastError}</p> : null}
        </li>
      ))}
    </ul>
  );
}
