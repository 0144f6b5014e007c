import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { MagicLinkForm } from "@/components/account/magic-link-form";
import { OAuthButtons } from "@/components/account/oauth-buttons";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { tooManyLinksMessage } from "@/lib/auth/magic-link-limits";
import { emailDelivery, enabledOAuthProviders } from "@/lib/auth/providers";
import { getViewer } from "@/lib/auth/session";
import { pathInLocale } from "@/lib/i18n/redirect";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

// Auth.js sends people back here with ?error=<type> (pages.error in auth.config.ts).
const ERROR_MESSAGES: Record<string, string> = {
  Verification: "That sign-in link has expired, was already used, or a newer one was sent. Ask for a new one below.",
  OAuthAccountNotLinked:
    "This email already signs in another way. Use the method you used before (for example the email link).",
  AccessDenied: "Sign-in was cancelled or refused.",
  Configuration: "Sign-in is not available right now. Please try again later.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  // Already in the shopper's language: the proxy and requireViewer put the prefixed address here (/ar/account/…).
  const callbackUrl = safeCallbackPath(params.callbackUrl, await pathInLocale("/account/orders"));
  if (await getViewer()) redirect(callbackUrl);

  const error =
    typeof params.error === "string"
      ? (ERROR_MESSAGES[params.error] ??
        tooManyLinksMessage(searchParamsOf(params)) ??
        "Sign-in failed. Please try again.")
      : null;
  const email = emailDelivery() !== null;
  const oauth = enabledOAuthProviders();

  return (
    <main className="mx-auto max-w-sm px-4 py-12">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="mt-2 text-sm text-stone-600">
        See your orders and their payment status. No password: we email you a link. Guest orders placed with the same
        email appear in your account.
      </p>
      {error ? (
        <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <div className="mt-6 space-y-6">
        {email ? <MagicLinkForm callbackUrl={callbackUrl} /> : null}
        {email && oauth.length > 0 ? (
          <p className="text-center text-xs uppercase tracking-wide text-stone-500">or</p>
        ) : null}
        <OAuthButtons providers={oauth} callbackUrl={callbackUrl} />
        {!email && oauth.length === 0 ? (
          <p className="text-sm text-stone-700">
            Sign-in is not configured on this store yet. You can still check out as a guest.
          </p>
        ) : null}
      </div>
    </main>
  );
}

function searchParamsOf(params: Record<string, string | string[] | undefined>): URLSearchParams {
  return new URLSearchParams(
    Object.entries(params).flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : [])),
  );
}
