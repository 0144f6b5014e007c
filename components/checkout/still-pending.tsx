import { useTranslations } from "next-intl";
import { secondaryButton } from "@/components/ui/button-styles";

/**
 * What the return page says once polling has given up on a payment Paymob has not settled: the reference to quote,
 * that the confirmation comes by email, a way to look again, and a person to write to. Never a spinner.
 */
export function StillPending({
  reference,
  supportEmail,
  onCheckAgain,
}: {
  reference: string;
  supportEmail: string;
  onCheckAgain: () => void;
}) {
  const t = useTranslations("checkout");
  const subject = t("stillPending.mailSubject", { reference });
  const mailto = `mailto:${supportEmail}?${new URLSearchParams({ subject })}`.replaceAll("+", "%20");
  return (
    <div className="flex flex-col gap-3 rounded-xl bg-white/70 p-4 text-sm" data-testid="still-pending">
      <h2 className="text-base font-semibold">{t("stillPending.title")}</h2>
      <p>
        {t.rich("stillPending.body", {
          reference,
          ref: (chunks) => (
            <strong>
              <bdi dir="ltr">{chunks}</bdi>
            </strong>
          ),
        })}
      </p>
      <div>
        <button type="button" onClick={onCheckAgain} className={secondaryButton}>
          {t("stillPending.checkAgain")}
        </button>
      </div>
      <p>
        {t.rich("stillPending.questions", {
          email: supportEmail,
          reference,
          mail: (chunks) => (
            <a href={mailto} dir="ltr" className="font-medium underline">
              {chunks}
            </a>
          ),
          ref: (chunks) => <bdi dir="ltr">{chunks}</bdi>,
        })}
      </p>
    </div>
  );
}
