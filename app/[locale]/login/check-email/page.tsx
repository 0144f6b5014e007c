import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { DifferentEmailLink } from "@/components/account/different-email-link";
import { emailDelivery } from "@/lib/auth/providers";
import { Link } from "@/lib/i18n/navigation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.checkEmail");
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function CheckEmailPage() {
  await connection(); // the delivery depends on this server's environment, not the build's
  const outbox = emailDelivery() === "outbox";
  const t = await getTranslations("auth.checkEmail");
  return (
    <main className="mx-auto max-w-sm px-4 py-12">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-stone-700">{t("body")}</p>
      {outbox ? (
        <p className="mt-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          {t("outbox")}{" "}
          <Link href="/dev/outbox" className="font-medium underline">
            {t("openOutbox")}
          </Link>
        </p>
      ) : null}
      <DifferentEmailLink />
    </main>
  );
}
