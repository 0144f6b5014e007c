import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { formatDateTime } from "@/components/account/format";
import { OrderStatusBadge } from "@/components/account/order-status";
import { PaymentDetails, paymentDetailsOpen } from "@/components/orders/payment-details";
import { PaymentTimeline } from "@/components/orders/payment-timeline";
import { asAdmin } from "@/lib/admin/guard";
import { requireViewer } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { loadOrderTimeline } from "@/lib/orders/timeline";
import { loadCustomerOrder } from "@/lib/orders/queries";
import { ORDER_STATUS_NEXT } from "@/lib/orders/status-labels";
import { paymobConfig } from "@/lib/paymob/config";

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { reference } = await params;
  return { title: `Order ${reference}`, robots: { index: false } };
}

export default async function AccountOrderPage({ params }: Props) {
  const { reference } = await params;
  const viewer = await requireViewer(`/account/orders/${encodeURIComponent(reference)}`);
  const db = await getDb();
  const found = await loadCustomerOrder(db, viewer.userId, reference);
  if (!found) notFound();
  const { order, lines } = found;
  const timeline = await loadOrderTimeline(db, order.id);
  const status = ORDER_STATUS_NEXT[order.status];
  const detailsOpen = paymentDetailsOpen({
    emulator: paymobConfig().mode === "emulator",
    admin: asAdmin(viewer) !== null,
  });

  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <Link href="/account/orders" className="text-sm text-brand-700 underline">
        ← Your orders
      </Link>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">
          Order <span className="font-semibold">{order.reference}</span>
        </h1>
        <OrderStatusBadge status={order.status} />
      </div>
      <p className="mt-1 text-sm text-stone-600">
        Placed <time dateTime={order.createdAt.toISOString()}>{formatDateTime(order.createdAt)}</time>
      </p>
      <div className="mt-4 rounded-xl border border-brand-200 bg-white p-4" data-testid="order-next-step">
        <p className="font-medium">{status.meaning}</p>
        <p className="mt-1 text-sm text-stone-700">{status.next}</p>
      </div>

      <table className="mt-6 w-full border-collapse rounded-md bg-white text-sm">
        <caption className="sr-only">Items</caption>
        <thead>
          <tr className="border-b border-stone-200 text-start text-stone-500">
            <th className="p-3 font-medium">Item</th>
            <th className="p-3 text-end font-medium">Qty</th>
            <th className="p-3 text-end font-medium">Price</th>
            <th className="p-3 text-end font-medium">Total</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id} className="border-b border-stone-100">
              <td className="p-3">{line.name}</td>
              <td className="p-3 text-end">{line.quantity}</td>
              <td className="p-3 text-end">{formatMoney(line.unitPriceMinor, order.currency)}</td>
              <td className="p-3 text-end">{formatMoney(line.lineTotalMinor, order.currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3} className="p-3 text-end">
              Total
            </th>
            <td className="p-3 text-end font-semibold">{formatMoney(order.totalMinor, order.currency)}</td>
          </tr>
          {order.refundedMinor > 0 ? (
            <tr>
              <th scope="row" colSpan={3} className="p-3 text-end font-normal text-stone-600">
                Refunded
              </th>
              <td className="p-3 text-end text-stone-600">−{formatMoney(order.refundedMinor, order.currency)}</td>
            </tr>
          ) : null}
        </tfoot>
      </table>

      <section className="mt-8 grid gap-6 sm:grid-cols-2">
        <div>
          <h2 className="font-semibold">Billing address</h2>
          <address className="mt-2 text-sm not-italic text-stone-700">
            {order.firstName} {order.lastName}
            <br />
            {[
              order.street,
              order.building && `Building ${order.building}`,
              order.floor && `Floor ${order.floor}`,
              order.apartment && `Apt ${order.apartment}`,
            ]
              .filter(Boolean)
              .join(", ")}
            <br />
            {[order.city, order.state, order.postalCode, order.country].filter(Boolean).join(", ")}
          </address>
        </div>
        <div>
          <h2 className="font-semibold">Contact</h2>
          <p className="mt-2 text-sm text-stone-700">
            {order.email}
            <br />
            {order.phone}
          </p>
        </div>
      </section>
      <div className="mt-8">
        <PaymentDetails open={detailsOpen}>
          <PaymentTimeline entries={timeline} framed={false} />
        </PaymentDetails>
      </div>
    </main>
  );
}
