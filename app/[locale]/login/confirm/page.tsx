import type { Metadata } from "next";
import { DifferentEmailLink } from "@/components/account/different-email-link";
import { emailCallbackPath, parseMagicLink } from "@/lib/auth/magic-link";

export const metadata: Metadata = { title: "Confirm sign-in", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Where a sign-in email's link lands. Opening it changes nothing; the button's POST signs in (see
 * lib/auth/magic-link.ts for the attacks this stops). The address shown is the one the token was issued to:
 * Auth.js refuses the token for any other address.
 */
export default async function ConfirmSignInPage({ searchParams }: Props) {
  const link = parseMagicLink(await searchParams);
  return (
    <main className="mx-auto max-w-sm px-4 py-12">
      {link ? (
        <>
          <h1 className="text-2xl font-semibold break-words">Sign in as {link.email}</h1>
          <p className="mt-2 text-stone-700">
            Continue only if you asked for this link. If you didn&apos;t, close this page: someone may be trying to sign
            you in to their account.
          </p>
          <form method="post" action={emailCallbackPath(link)} className="mt-6">
            <button
              type="submit"
              className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900"
            >
              Sign in
            </button>
          </form>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-semibold">This sign-in link is incomplete</h1>
          <p className="mt-2 text-stone-700">Open the link from the email again, or ask for a new one.</p>
        </>
      )}
      <DifferentEmailLink />
    </main>
  );
}
