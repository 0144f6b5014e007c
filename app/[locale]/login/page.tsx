import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { loginErrorText } from "@/components/account/auth-errors";
import { MagicLinkForm } from "@/components/account/magic-link-form";
import { OAuthButtons } from "@/components/account/oauth-buttons";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { tooManyLinksNotice } from "@/lib/auth/magic-link-limits";
import { emailDelivery, enabledOAuthProviders } from "@/lib/auth/providers";
import { getViewer } from "@/lib/auth/session";
import { pathInLocale } from "@/lib/i18n/redirect";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signIn");
  return { title: t("metaTitle"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  // Already in the shopper's language: the proxy and requireViewer put the prefixed address here (/ar/account/…).
  const callbackUrl = safeCallbackPath(params.callbackUrl, await pathInLocale("/account/orders"));
  if (await getViewer()) redirect(callbackUrl);

  const t = await getTranslations("auth");
  const error = loginErrorText(t, params.error, tooManyLinksNotice(searchParamsOf(params)));
  const email = emailDelivery() !== null;
  const oauth = enabledOAuthProviders();

  return (
    <main className="mx-auto max-w-sm px-4 py-12">
      <h1 className="text-2xl font-semibold">{t("signIn.title")}</h1>
      <p className="mt-2 text-sm text-stone-600">{t("signIn.intro")}</p>
      {error ? (
        <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <div className="mt-6 space-y-6">
        {email ? <MagicLinkForm callbackUrl={callbackUrl} /> : null}
        {email && oauth.length > 0 ? (
          <p className="text-center text-xs uppercase tracking-wide text-stone-500">{t("signIn.or")}</p>
        ) : null}
        <OAuthButtons providers={oauth} callbackUrl={callbackUrl} />
        {!email && oauth.length === 0 ? <p className="text-sm text-stone-700">{t("signIn.notConfigured")}</p> : null}
      </div>
    </main>
  );
}

function searchParamsOf(params: Record<string, string | string[] | undefined>): URLSearchParams {
  return new URLSearchParams(
    Object.entries(params).flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : [])),
  );
}
