import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { formatDateTime } from "@/components/account/format";
import { OrderStatusBadge } from "@/components/account/order-status";
import { PaymentDetails, paymentDetailsOpen } from "@/components/orders/payment-details";
import { PaymentTimeline } from "@/components/orders/payment-timeline";
import { asAdmin } from "@/lib/admin/guard";
import { requireViewer } from "@/lib/auth/session";
import { localeTag } from "@/lib/locale";
import { formatMoney } from "@/lib/money";
import { loadOrderTimeline } from "@/lib/orders/timeline";
import { loadCustomerOrder } from "@/lib/orders/queries";
import { paymobConfig } from "@/lib/paymob/config";
import { storeRegion } from "@/lib/store";

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { reference } = await params;
  const t = await getTranslations("orders.page");
  return { title: t("metaTitle", { reference }), robots: { index: false } };
}

const ltr = (chunks: ReactNode) => <bdi dir="ltr">{chunks}</bdi>;

export default async function AccountOrderPage({ params }: Props) {
  const { reference } = await params;
  const viewer = await requireViewer(`/account/orders/${encodeURIComponent(reference)}`);
  const db = await getDb();
  const found = await loadCustomerOrder(db, viewer.userId, reference);
  if (!found) notFound();
  const { order, lines } = found;
  const timeline = await loadOrderTimeline(db, order.id);
  const t = await getTranslations("orders");
  const locale = await getLocale();
  const money = { locale, region: storeRegion() };
  const price = (amountMinor: number) => formatMoney(amountMinor, order.currency, money);
  const detailsOpen = paymentDetailsOpen({
    emulator: paymobConfig().mode === "emulator",
    admin: asAdmin(viewer) !== null,
  });

  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <Link href="/account/orders" className="text-sm text-brand-700 underline">
        <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
          ←
        </span>{" "}
        {t("page.back")}
      </Link>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t.rich("page.title", { reference: order.reference, ltr })}</h1>
        <OrderStatusBadge status={order.status} />
      </div>
      <p className="mt-1 text-sm text-stone-600">
        {t.rich("page.placed", {
          date: formatDateTime(order.createdAt, locale),
          time: (chunks) => <time dateTime={order.createdAt.toISOString()}>{chunks}</time>,
        })}
      </p>
      <div className="mt-4 rounded-xl border border-brand-200 bg-white p-4" data-testid="order-next-step">
        <p className="font-medium">{t(`next.${order.status}.meaning`)}</p>
        <p className="mt-1 text-sm text-stone-700">{t(`next.${order.status}.next`)}</p>
      </div>

      <table className="mt-6 w-full border-collapse rounded-md bg-white text-sm">
        <caption className="sr-only">{t("page.items")}</caption>
        <thead>
          <tr className="border-b border-stone-200 text-start text-stone-500">
            <th className="p-3 font-medium">{t("page.item")}</th>
            <th className="p-3 text-end font-medium">{t("page.quantity")}</th>
            <th className="p-3 text-end font-medium">{t("page.price")}</th>
            <th className="p-3 text-end font-medium">{t("page.total")}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id} className="border-b border-stone-100">
              <td className="p-3">{line.name}</td>
              <td className="p-3 text-end">{line.quantity.toLocaleString(localeTag(money))}</td>
              <td className="p-3 text-end">{price(line.unitPriceMinor)}</td>
              <td className="p-3 text-end">{price(line.lineTotalMinor)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3} className="p-3 text-end">
              {t("page.total")}
            </th>
            <td className="p-3 text-end font-semibold">{price(order.totalMinor)}</td>
          </tr>
          {order.refundedMinor > 0 ? (
            <tr>
              <th scope="row" colSpan={3} className="p-3 text-end font-normal text-stone-600">
                {t("page.refunded")}
              </th>
              <td className="p-3 text-end text-stone-600">
                <bdi>−{price(order.refundedMinor)}</bdi>
              </td>
            </tr>
          ) : null}
        </tfoot>
      </table>

      <section className="mt-8 grid gap-6 sm:grid-cols-2">
        <div>
          <h2 className="font-semibold">{t("page.billingAddress")}</h2>
          <address className="mt-2 text-sm not-italic text-stone-700">
            {order.firstName} {order.lastName}
            <br />
            {[
              order.street,
              order.building && t("page.building", { value: order.building }),
              order.floor && t("page.floor", { value: order.floor }),
              order.apartment && t("page.apartment", { value: order.apartment }),
            ]
              .filter(Boolean)
              .join(t("page.separator"))}
            <br />
            {[order.city, order.state, order.postalCode, order.country].filter(Boolean).join(t("page.separator"))}
          </address>
        </div>
        <div>
          <h2 className="font-semibold">{t("page.contact")}</h2>
          <p className="mt-2 text-sm text-stone-700">
            <bdi dir="ltr">{order.email}</bdi>
            <br />
            <bdi dir="ltr">{order.phone}</bdi>
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
