import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DifferentEmailLink } from "@/components/account/different-email-link";
import { emailCallbackPath, parseMagicLink } from "@/lib/auth/magic-link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.confirm");
  return { title: t("metaTitle"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Where a sign-in email's link lands. Opening it changes nothing; the button's POST signs in (see
 * lib/auth/magic-link.ts for the attacks this stops). The address shown is the one the token was issued to:
 * Auth.js refuses the token for any other address.
 */
export default async function ConfirmSignInPage({ searchParams }: Props) {
  const link = parseMagicLink(await searchParams);
  const t = await getTranslations("auth.confirm");
  return (
    <main className="mx-auto max-w-sm px-4 py-12">
      {link ? (
        <>
          <h1 className="text-2xl font-semibold break-words">
            {t.rich("title", { email: link.email, ltr: (chunks) => <bdi dir="ltr">{chunks}</bdi> })}
          </h1>
          <p className="mt-2 text-stone-700">{t("warning")}</p>
          <form method="post" action={emailCallbackPath(link)} className="mt-6">
            <button
              type="submit"
              className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900"
            >
              {t("submit")}
            </button>
          </form>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-semibold">{t("incompleteTitle")}</h1>
          <p className="mt-2 text-stone-700">{t("incompleteBody")}</p>
        </>
      )}
      <DifferentEmailLink />
    </main>
  );
}
