"use client";

import { useTranslations } from "next-intl";
import type { CSSProperties } from "react";
import { Link } from "@/lib/i18n/navigation";
import { useVisitor } from "@/components/layout/visitor";
import type { VisitorAccount } from "@/lib/visitor/answer";
import { SignOutForm } from "./sign-out-form";

/**
 * The header's account entry: "Sign in", or a small menu (orders, saved cards, admin for admins, sign out). Who
 * is signed in comes from the browser (useVisitor), so pages carry no session. Both labels are laid in the slot
 * invisibly (CSS content from custom properties, outside the page's text), so the slot is as wide before the
 * first answer as after it, in either language. Without JavaScript it is an "Account" link: /account/orders shows
 * a signed-in visitor's orders (and "Sign out") and sends anyone else to sign in first.
 */
export function AccountMenu() {
  const { account } = useVisitor();
  const t = useTranslations("account.menu");
  const widths = {
    "--sign-in": JSON.stringify(t("signIn")),
    "--account": JSON.stringify(t("account")),
  } as CSSProperties;
  return (
    <span
      style={widths}
      className="grid justify-items-center before:invisible before:col-start-1 before:row-start-1 before:content-(--sign-in) after:invisible after:col-start-1 after:row-start-1 after:content-(--account)"
    >
      <span className="col-start-1 row-start-1">
        {account === undefined ? (
          <noscript>
            <Link href="/account/orders" className="hover:underline">
              {t("account")}
            </Link>
          </noscript>
        ) : account === null ? (
          <Link href="/login" className="hover:underline">
            {t("signIn")}
          </Link>
        ) : (
          <SignedInMenu account={account} />
        )}
      </span>
    </span>
  );
}

function SignedInMenu({ account }: { account: VisitorAccount }) {
  const t = useTranslations("account.menu");
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none hover:underline" aria-label={t("menuFor", { name: account.label })}>
        {t("account")}
      </summary>
      <div className="absolute end-0 z-20 mt-2 w-56 rounded-md border border-stone-200 bg-white p-2 text-sm shadow-lg">
        <p className="truncate px-2 py-1 text-stone-500" title={account.label} dir="auto">
          {account.label}
        </p>
        <Link href="/account/orders" className="block rounded px-2 py-1.5 hover:bg-stone-100">
          {t("orders")}
        </Link>
        <Link href="/account/cards" className="block rounded px-2 py-1.5 hover:bg-stone-100">
          {t("cards")}
        </Link>
        {account.isAdmin ? (
          <Link href="/admin" className="block rounded px-2 py-1.5 hover:bg-stone-100">
            {t("admin")}
          </Link>
        ) : null}
        <SignOutForm className="block w-full rounded px-2 py-1.5 text-start hover:bg-stone-100" />
      </div>
    </details>
  );
}
