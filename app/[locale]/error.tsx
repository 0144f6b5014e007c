"use client";

import { Link } from "@/lib/i18n/navigation";
import { useEffect } from "react";
import { primaryButton, secondaryButton } from "@/components/ui/button-styles";

/** Any page's unexpected failure. Details stay in the server log; production sends the browser only a digest. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <main className="mx-auto flex w-full max-w-xl flex-col items-center gap-4 px-4 py-20 text-center">
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">Something went wrong</h1>
      <p className="text-muted">
        We couldn’t load this page. Please try again in a moment.
        {digest ? <span className="mt-2 block text-xs">Reference: {digest}</span> : null}
      </p>
      <div className="flex gap-3">
        <button type="button" onClick={() => retry()} className={primaryButton}>
          Try again
        </button>
        <Link href="/" className={secondaryButton}>
          Back to the shop
        </Link>
      </div>
    </main>
  );
}
