import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { primaryButton } from "@/components/ui/button-styles";
import { Link } from "@/lib/i18n/navigation";

export default async function NotFound() {
  // Rendered per request, as it was while the root layout read the cart cookie: its header reads the catalog's
  // shelves (never at build time, when there is no database) and its scripts need the request's CSP nonce.
  await connection();
  const t = await getTranslations("layout");
  return (
    <main className="mx-auto flex w-full max-w-xl flex-col items-center gap-4 px-4 py-20 text-center">
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">404</p>
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">{t("notFound.title")}</h1>
      <p className="text-muted">{t("notFound.body")}</p>
      <Link href="/" className={primaryButton}>
        {t("backToShop")}
      </Link>
    </main>
  );
}
