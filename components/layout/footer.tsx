import { useTranslations } from "next-intl";
import { STORE_NAME } from "@/lib/store";

export function Footer() {
  const t = useTranslations("common");
  return (
    <footer className="mt-16 border-t border-brand-200 bg-white/60">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-muted sm:flex-row sm:justify-between sm:px-6">
        <p>
          © {STORE_NAME} · {t("storeTagline")}
        </p>
        <p>{t("demoNotice")}</p>
      </div>
    </footer>
  );
}
