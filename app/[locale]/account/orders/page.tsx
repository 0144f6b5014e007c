import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/db/client";
import { formatDate } from "@/components/account/format";
import { OrderStatusBadge } from "@/components/account/order-status";
import { Pagination } from "@/components/account/pagination";
import { signOutAction } from "@/lib/auth/actions";
import { requireViewer } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { listCustomerOrders } from "@/lib/orders/queries";
import { storeRegion } from "@/lib/store";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.orders");
  return { title: t("metaTitle"), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const ltr = (chunks: ReactNode) => <bdi dir="ltr">{chunks}</bdi>;

export default async function AccountOrdersPage({ searchParams }: Props) {
  const viewer = await requireViewer("/account/orders");
  const { page } = await searchParams;
  const result = await listCustomerOrders(await getDb(), viewer.userId, Number(page) || 1);
  const t = await getTranslations("account");
  const tAuth = await getTranslations("auth");
  const locale = await getLocale();
  const money = { locale, region: storeRegion() };

  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold">{t("orders.title")}</h1>
      <p className="mt-1 text-sm text-stone-600">
        {t.rich("orders.signedInAs", { name: viewer.email ?? viewer.name ?? "", ltr })}
      </p>
      {/* With JavaScript "Sign out" is in the header's account menu, which is filled in by the browser; without
          it the header has only an "Account" link to here, so signing out is offered here instead. */}
      <noscript>
        <form action={signOutAction} className="mt-2">
          <button type="submit" className="text-sm font-medium text-brand-700 underline">
            {tAuth("signOut")}
          </button>
        </form>
      </noscript>
      {result.total === 0 ? (
        <div className="mt-8 rounded-md border border-stone-200 bg-white p-6">
          <p>
            {viewer.verifiedEmail
              ? t.rich("orders.empty", { email: viewer.verifiedEmail, ltr })
              : t("orders.emptyThisEmail")}
          </p>
          <Link href="/" className="mt-3 inline-block font-medium text-brand-700 underline">
            {t("orders.startShopping")}
          </Link>
        </div>
      ) : (
        <ul className="mt-6 space-y-3">
          {result.orders.map((order) => (
            <li key={order.id}>
              <Link
                href={`/account/orders/${encodeURIComponent(order.reference)}`}
                className="block rounded-md border border-stone-200 bg-white p-4 hover:border-brand-700"
                data-testid="account-order"
              >
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <bdi dir="ltr" className="font-medium">
                    {order.reference}
                  </bdi>
                  <OrderStatusBadge status={order.status} />
                </div>
                <p className="mt-2 text-sm text-stone-700">
                  {order.lines
                    .map((l) => t("orders.lines", { quantity: l.quantity, name: l.name }))
                    .join(t("orders.lineSeparator"))}
                </p>
                <div className="mt-2 flex items-center justify-between text-sm">
                  <time dateTime={order.createdAt.toISOString()} className="text-stone-500">
                    {formatDate(order.createdAt, locale)}
                  </time>
                  <span className="font-semibold">{formatMoney(order.totalMinor, order.currency, money)}</span>
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(p) => `/account/orders?page=${p}`} />
    </main>
  );
}
