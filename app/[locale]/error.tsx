"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { useEffect } from "react";
import { primaryButton, secondaryButton } from "@/components/ui/button-styles";

/** Any page's unexpected failure. Details stay in the server log; production sends the browser only a digest. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("layout");
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <main className="mx-auto flex w-full max-w-xl flex-col items-center gap-4 px-4 py-20 text-center">
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">{t("error.title")}</h1>
      <p className="text-muted">
        {t("error.body")}
        {digest ? (
          <span className="mt-2 block text-xs">
            {/* The digest is Latin letters and digits: kept left to right inside the Arabic sentence. */}
            {t.rich("error.reference", { digest, ref: (value) => <bdi dir="ltr">{value}</bdi> })}
          </span>
        ) : null}
      </p>
      <div className="flex gap-3">
        <button type="button" onClick={() => retry()} className={primaryButton}>
          {t("error.retry")}
        </button>
        <Link href="/" className={secondaryButton}>
          {t("backToShop")}
        </Link>
      </div>
    </main>
  );
}
