import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/db/client";
import { formatDate } from "@/components/account/format";
import { OrderStatusBadge } from "@/components/account/order-status";
import { Pagination } from "@/components/account/pagination";
import { signOutAction } from "@/lib/auth/actions";
import { requireViewer } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { listCustomerOrders } from "@/lib/orders/queries";

export const metadata: Metadata = { title: "Your orders", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountOrdersPage({ searchParams }: Props) {
  const viewer = await requireViewer("/account/orders");
  const { page } = await searchParams;
  const result = await listCustomerOrders(await getDb(), viewer.userId, Number(page) || 1);

  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold">Your orders</h1>
      <p className="mt-1 text-sm text-stone-600">Signed in as {viewer.email ?? viewer.name}.</p>
      {/* With JavaScript "Sign out" is in the header's account menu, which is filled in by the browser; without
          it the header has only an "Account" link to here, so signing out is offered here instead. */}
      <noscript>
        <form action={signOutAction} className="mt-2">
          <button type="submit" className="text-sm font-medium text-brand-700 underline">
            Sign out
          </button>
        </form>
      </noscript>
      {result.total === 0 ? (
        <div className="mt-8 rounded-md border border-stone-200 bg-white p-6">
          <p>
            No orders yet. Orders you placed as a guest with {viewer.verifiedEmail ?? "this email"} show up here too.
          </p>
          <Link href="/" className="mt-3 inline-block font-medium text-brand-700 underline">
            Start shopping
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
                  <span className="font-medium">{order.reference}</span>
                  <OrderStatusBadge status={order.status} />
                </div>
                <p className="mt-2 text-sm text-stone-700">
                  {order.lines.map((l) => `${l.quantity} × ${l.name}`).join(", ")}
                </p>
                <div className="mt-2 flex items-center justify-between text-sm">
                  <time dateTime={order.createdAt.toISOString()} className="text-stone-500">
                    {formatDate(order.createdAt)}
                  </time>
                  <span className="font-semibold">{formatMoney(order.totalMinor, order.currency)}</span>
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
