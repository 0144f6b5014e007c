import { useTranslations } from "next-intl";
import { primaryButton } from "@/components/ui/button-styles";
import { Link } from "@/lib/i18n/navigation";

export function EmptyCart() {
  const t = useTranslations("cart");
  return (
    <div className="flex flex-col items-center gap-4 rounded-2xl border border-brand-200 bg-white px-6 py-14 text-center">
      <p className="text-lg font-semibold">{t("empty.title")}</p>
      <p className="text-muted">{t("empty.body")}</p>
      <Link href="/" className={primaryButton}>
        {t("empty.backToShop")}
      </Link>
    </div>
  );
}
