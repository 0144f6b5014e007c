import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/account/format";
import { OrderStatusBadge } from "@/components/account/order-status";
import { CallbackTimeline } from "@/components/admin/callback-timeline";
import { OrderEmailList } from "@/components/admin/order-email-list";
import { PaymentAttempts } from "@/components/admin/payment-attempts";
import { PaymentTimeline } from "@/components/orders/payment-timeline";
import { getDb } from "@/db/client";
import { requireAdmin } from "@/lib/admin/guard";
import { loadAdminOrder } from "@/lib/admin/orders";
import { emailsOfOrder } from "@/lib/mail/queries";
import { formatMoney } from "@/lib/money";
import { loadOrderTimeline } from "@/lib/orders/timeline";

type Props = { params: Promise<{ reference: string }> };

export default async function AdminOrderPage({ params }: Props) {
  const admin = await requireAdmin();
  const { reference } = await params;
  const db = await getDb();
  const found = await loadAdminOrder(admin, db, reference);
  if (!found) notFound();
  const { order, lines, attempts, events } = found;
  const [timeline, emails] = await Promise.all([loadOrderTimeline(db, order.id), emailsOfOrder(db, order.id)]);

  return (
    <main className="space-y-8">
      <div>
        <Link href="/admin" className="text-sm text-brand-700 underline">
          ← Orders
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">
            Order <span className="font-mono">{order.reference}</span>
          </h1>
          <OrderStatusBadge status={order.status} />
        </div>
        <p className="mt-1 text-sm text-stone-600">
          Placed {formatDateTime(order.createdAt)}
          {order.paidAt ? ` · paid ${formatDateTime(order.paidAt)}` : ""} · updated {formatDateTime(order.updatedAt)}
        </p>
      </div>

      <section className="grid gap-6 md:grid-cols-3">
        <div className="rounded-md border border-stone-200 bg-white p-4 text-sm">
          <h2 className="font-semibold">Customer</h2>
          <p className="mt-2">
            {order.firstName} {order.lastName}
            <br />
            {order.email}
            <br />
            {order.phone}
          </p>
          <p className="mt-2 text-stone-600">
            {order.userId ? `Account ${order.userId}` : `Guest ${order.guestId ?? ""}`}
          </p>
        </div>
        <div className="rounded-md border border-stone-200 bg-white p-4 text-sm">
          <h2 className="font-semibold">Billing address</h2>
          <p className="mt-2">
            {[order.street, order.building, order.floor, order.apartment].filter(Boolean).join(", ")}
            <br />
            {[order.city, order.state, order.postalCode, order.country].filter(Boolean).join(", ")}
          </p>
        </div>
        <div className="rounded-md border border-stone-200 bg-white p-4 text-sm">
          <h2 className="font-semibold">Money</h2>
          <p className="mt-2">Total {formatMoney(order.totalMinor, order.currency)}</p>
          <p>Refunded {formatMoney(order.refundedMinor, order.currency)}</p>
        </div>
      </section>

      <section>
        <h2 className="text-lg font-semibold">Items</h2>
        <table className="mt-2 w-full border-collapse bg-white text-sm">
          <tbody>
            {lines.map((line) => (
              <tr key={line.id} className="border-b border-stone-100">
                <td className="p-2">{line.name}</td>
                <td className="p-2 text-end">
                  {line.quantity} × {formatMoney(line.unitPriceMinor, order.currency)}
                </td>
                <td className="p-2 text-end">{formatMoney(line.lineTotalMinor, order.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section>
        <h2 className="text-lg font-semibold">Payment attempts</h2>
        <p className="mb-3 text-sm text-stone-600">
          Captures, refunds and voids go to Paymob; the order changes only when Paymob&apos;s signed callback arrives
          below.
        </p>
        <PaymentAttempts reference={order.reference} orderStatus={order.status} attempts={attempts} />
      </section>

      <PaymentTimeline entries={timeline} internal />

      <section>
        <h2 className="mb-3 text-lg font-semibold">Customer emails</h2>
        <OrderEmailList emails={emails} />
      </section>

      <section>
        <h2 className="mb-3 text-lg font-semibold">Callbacks received</h2>
        <CallbackTimeline reference={order.reference} events={events} />
      </section>
    </main>
  );
}
