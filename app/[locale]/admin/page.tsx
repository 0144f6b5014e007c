import { Link } from "@/lib/i18n/navigation";
import { OrderStatusBadge } from "@/components/account/order-status";
import { Pagination } from "@/components/account/pagination";
import { IdScope, ScopedInput, ScopedLabel, ScopedSelect } from "@/components/ui/scoped-id";
import { getDb } from "@/db/client";
import { ORDER_STATUSES } from "@/db/schema/orders";
import { requireAdmin } from "@/lib/admin/guard";
import { ORDER_STATUS_LABELS } from "@/lib/orders/status-labels";
import { listAdminOrders, parseAdminOrderFilter, type AdminOrderFilter } from "@/lib/admin/orders";
import { formatOrderTime, timeZoneCity } from "@/lib/admin/order-time";
import { formatMoney } from "@/lib/money";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function listHref(filter: AdminOrderFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.q) params.set("q", filter.q);
  if (filter.status) params.set("status", filter.status);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin?${query}` : "/admin";
}

/** A value's name on a phone, where the table's header row is not shown; hidden from md up. */
function CellLabel({ children }: { children: string }) {
  return <span className="block text-xs text-stone-600 md:hidden">{children}</span>;
}

export default async function AdminOrdersPage({ searchParams }: Props) {
  const admin = await requireAdmin();
  const filter = parseAdminOrderFilter(await searchParams);
  const { rows, total, page, pageCount } = await listAdminOrders(admin, await getDb(), filter);

  return (
    <main>
      <h1 className="text-2xl font-semibold">Orders</h1>
      <form method="get" action="/admin" className="mt-4 flex flex-wrap items-end gap-3" role="search">
        <IdScope>
          <div>
            <ScopedLabel className="block text-sm font-medium">Reference or email</ScopedLabel>
            <ScopedInput
              name="q"
              type="search"
              defaultValue={filter.q}
              className="mt-1 w-64 max-w-full rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm"
            />
          </div>
        </IdScope>
        <IdScope>
          <div>
            <ScopedLabel className="block text-sm font-medium">Status</ScopedLabel>
            <ScopedSelect
              name="status"
              defaultValue={filter.status ?? ""}
              className="mt-1 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm"
            >
              <option value="">Any status</option>
              {ORDER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ORDER_STATUS_LABELS[s]}
                </option>
              ))}
            </ScopedSelect>
          </div>
        </IdScope>
        <button
          type="submit"
          className="rounded-md bg-brand-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-900"
        >
          Search
        </button>
        {filter.q || filter.status ? (
          <Link href="/admin" className="text-sm underline">
            Clear
          </Link>
        ) : null}
      </form>

      <p className="mt-4 text-sm text-stone-600" aria-live="polite">
        {total} {total === 1 ? "order" : "orders"}
      </p>
      {rows.length === 0 ? (
        <p className="mt-4 text-stone-700">No orders match.</p>
      ) : (
        // Rows stack into cards below the md breakpoint (each value with its own label), so a phone never scrolls
        // sideways; from md up it is an ordinary table.
        <table className="mt-2 block w-full border-collapse text-sm md:table md:bg-white">
          <caption className="sr-only">Orders, newest first</caption>
          <thead className="hidden md:table-header-group">
            <tr className="border-b border-stone-200 text-start text-stone-600">
              <th scope="col" className="p-2 font-medium">
                Reference
              </th>
              <th scope="col" className="p-2 font-medium">
                Placed ({timeZoneCity()} time)
              </th>
              <th scope="col" className="p-2 font-medium">
                Customer
              </th>
              <th scope="col" className="p-2 font-medium">
                Status
              </th>
              <th scope="col" className="p-2 text-end font-medium">
                Total
              </th>
            </tr>
          </thead>
          <tbody className="block space-y-3 md:table-row-group md:space-y-0">
            {rows.map((row) => (
              <tr
                key={row.id}
                className="grid grid-cols-2 gap-x-3 gap-y-2 rounded-md border border-stone-200 bg-white p-3 md:table-row md:rounded-none md:border-0 md:border-b md:border-stone-100 md:p-0"
                data-testid="admin-order-row"
              >
                <td className="md:p-2">
                  <Link
                    href={`/admin/orders/${encodeURIComponent(row.reference)}`}
                    className="font-mono text-brand-700 underline"
                  >
                    {row.reference}
                  </Link>
                </td>
                <td className="text-end md:p-2 md:text-start">
                  <CellLabel>Placed</CellLabel>
                  <time dateTime={row.createdAt.toISOString()}>{formatOrderTime(row.createdAt)}</time>
                </td>
                <td className="col-span-2 break-words md:p-2">
                  <CellLabel>Customer</CellLabel>
                  {row.firstName} {row.lastName}
                  <span className="block text-xs text-stone-600">
                    {row.email}
                    {row.signedIn ? " · account" : " · guest"}
                  </span>
                </td>
                <td className="md:p-2">
                  <CellLabel>Status</CellLabel>
                  <OrderStatusBadge status={row.status} />
                </td>
                <td className="text-end md:p-2">
                  <CellLabel>Total</CellLabel>
                  {formatMoney(row.totalMinor, row.currency)}
                  {row.refundedMinor > 0 ? (
                    <span className="block text-xs text-stone-600">
                      −{formatMoney(row.refundedMinor, row.currency)} refunded
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => listHref(filter, p)} />
    </main>
  );
}
