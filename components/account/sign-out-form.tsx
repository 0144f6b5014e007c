"use client";

import { useTranslations } from "next-intl";
import { useVisitor } from "@/components/layout/visitor";
import { signOutAction } from "@/lib/auth/actions";

/**
 * "Sign out": the server action signs out and redirects home. The header's account menu lives in the browser
 * and survives that client-side redirect, so it is told at once, on submit, rather than after the round trip.
 */
export function SignOutForm({ className }: { className: string }) {
  const { signedOut } = useVisitor();
  const t = useTranslations("auth");
  return (
    <form action={signOutAction} onSubmit={() => signedOut()}>
      <button type="submit" className={className}>
        {t("signOut")}
      </button>
    </form>
  );
}
