import { useLocale, useTranslations } from "next-intl";
import type { OrderEmail } from "@/db/schema/order-emails";
import { MAX_EMAIL_ATTEMPTS } from "@/lib/mail/order-emails";
import { storeRegion } from "@/lib/store";
import { adminFormats } from "./formats";

/** What the order-email outbox holds for this order: sent, waiting for a retry, or given up (lib/mail). */
export function OrderEmailList({ emails }: { emails: OrderEmail[] }) {
  const t = useTranslations("admin.emails");
  const { dateTime } = adminFormats(useLocale(), storeRegion());
  if (emails.length === 0) return <p className="text-sm text-stone-600">{t("none")}</p>;
  return (
    <ul className="divide-y divide-stone-100 rounded-md border border-stone-200 bg-white text-sm">
      {emails.map((e) => (
        <li key={e.id} className="p-3" data-testid="order-email">
          <p className="font-medium">{t(e.kind)}</p>
          <p className="text-stone-600">
            {e.sentAt
              ? t("sent", { date: dateTime(e.sentAt) })
              : e.attempts >= MAX_EMAIL_ATTEMPTS
                ? t("gaveUp", { attempts: e.attempts })
                : t("waiting", { attempts: e.attempts, date: dateTime(e.nextAttemptAt) })}
          </p>
          {!e.sentAt && e.lastError ? (
            <p className="break-words text-red-800">
              {/* The mail provider's own words, as received. */}
              {t.rich("lastError", { error: e.lastError, bdi: (chunks) => <bdi>{chunks}</bdi> })}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
