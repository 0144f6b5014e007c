import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { connection } from "next/server";
import { DifferentEmailLink } from "@/components/account/different-email-link";
import { emailDelivery } from "@/lib/auth/providers";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

export default async function CheckEmailPage() {
  await connection(); // the delivery depends on this server's environment, not the build's
  const outbox = emailDelivery() === "outbox";
  return (
    <main className="mx-auto max-w-sm px-4 py-12">
      <h1 className="text-2xl font-semibold">Check your email</h1>
      <p className="mt-2 text-stone-700">
        We sent you a sign-in link. It works once, expires in 15 minutes, and asking for another one replaces it. You
        can close this tab.
      </p>
      {outbox ? (
        <p className="mt-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          No mail provider is configured, so the email went to the local outbox.{" "}
          <Link href="/dev/outbox" className="font-medium underline">
            Open the dev outbox
          </Link>
        </p>
      ) : null}
      <DifferentEmailLink />
    </main>
  );
}
