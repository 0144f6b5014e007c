import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { OrderStatusBadge } from "@/components/account/order-status";
import { CallbackTimeline } from "@/components/admin/callback-timeline";
import { adminFormats } from "@/components/admin/formats";
import { OrderEmailList } from "@/components/admin/order-email-list";
import { PaymentAttempts } from "@/components/admin/payment-attempts";
import { PaymentTimeline } from "@/components/orders/payment-timeline";
import { getDb } from "@/db/client";
import { requireAdmin } from "@/lib/admin/guard";
import { loadAdminOrder } from "@/lib/admin/orders";
import { Link } from "@/lib/i18n/navigation";
import { emailsOfOrder } from "@/lib/mail/queries";
import { loadOrderTimeline } from "@/lib/orders/timeline";
import { storeRegion } from "@/lib/store";

type Props = { params: Promise<{ reference: string }> };

const bdi = (chunks: ReactNode) => <bdi>{chunks}</bdi>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("admin.meta");
  // The reference only as the admin typed or followed it; the page itself checks that it exists.
  return { title: t("order", { reference: decodeURIComponent((await params).reference) }) };
}

export default async function AdminOrderPage({ params }: Props) {
  const admin = await requireAdmin();
  const { reference } = await params;
  const db = await getDb();
  const found = await loadAdminOrder(admin, db, reference);
  if (!found) notFound();
  const { order, lines, attempts, events } = found;
  const [timeline, emails] = await Promise.all([loadOrderTimeline(db, order.id), emailsOfOrder(db, order.id)]);
  const t = await getTranslations("admin.order");
  const { money, dateTime } = adminFormats(await getLocale(), storeRegion());

  return (
    <main className="space-y-8">
      <div>
        <Link href="/admin" className="text-sm text-brand-700 underline">
          <span className="inline-block rtl:-scale-x-100" aria-hidden="true">
            ←
          </span>{" "}
          {t("back")}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">
            {t.rich("heading", {
              reference: order.reference,
              bdi: (chunks) => <bdi className="font-mono">{chunks}</bdi>,
            })}
          </h1>
          <OrderStatusBadge status={order.status} />
        </div>
        <p className="mt-1 text-sm text-stone-600">
          {t("placed", { date: dateTime(order.createdAt) })}
          {order.paidAt ? ` · ${t("paid", { date: dateTime(order.paidAt) })}` : ""} ·{" "}
          {t("updated", { date: dateTime(order.updatedAt) })}
        </p>
      </div>

      <section className="grid gap-6 md:grid-cols-3">
        <div className="rounded-md border border-stone-200 bg-white p-4 text-sm">
          <h2 className="font-semibold">{t("customer")}</h2>
          <p className="mt-2">
            {order.firstName} {order.lastName}
            <br />
            <bdi>{order.email}</bdi>
            <br />
            <bdi dir="ltr">{order.phone}</bdi>
          </p>
          <p className="mt-2 text-stone-600">
            {order.userId
              ? t.rich("account", { id: order.userId, bdi })
              : t.rich("guest", { id: order.guestId ?? "", bdi })}
          </p>
        </div>
        <div className="rounded-md border border-stone-200 bg-white p-4 text-sm">
          <h2 className="font-semibold">{t("billing")}</h2>
          <p className="mt-2">
            {[order.street, order.building, order.floor, order.apartment].filter(Boolean).join(", ")}
            <br />
            {[order.city, order.state, order.postalCode, order.country].filter(Boolean).join(", ")}
          </p>
        </div>
        <div className="rounded-md border border-stone-200 bg-white p-4 text-sm">
          <h2 className="font-semibold">{t("money")}</h2>
          <p className="mt-2">{t("total", { amount: money(order.totalMinor, order.currency) })}</p>
          <p>{t("refunded", { amount: money(order.refundedMinor, order.currency) })}</p>
        </div>
      </section>

      <section>
        <h2 className="text-lg font-semibold">{t("items")}</h2>
        <table className="mt-2 w-full border-collapse bg-white text-sm">
          <caption className="sr-only">{t("itemsCaption")}</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">{t("item")}</th>
              <th scope="col">{t("quantity")}</th>
              <th scope="col">{t("lineTotal")}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.id} className="border-b border-stone-100">
                <td className="p-2">{line.name}</td>
                <td className="p-2 text-end">
                  {line.quantity} × {money(line.unitPriceMinor, order.currency)}
                </td>
                <td className="p-2 text-end">{money(line.lineTotalMinor, order.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section>
        <h2 className="text-lg font-semibold">{t("attempts")}</h2>
        <p className="mb-3 text-sm text-stone-600">{t("attemptsIntro")}</p>
        <PaymentAttempts reference={order.reference} orderStatus={order.status} attempts={attempts} />
      </section>

      <PaymentTimeline entries={timeline} internal />

      <section>
        <h2 className="mb-3 text-lg font-semibold">{t("emails")}</h2>
        <OrderEmailList emails={emails} />
      </section>

      <section>
        <h2 className="mb-3 text-lg font-semibold">{t("callbacks")}</h2>
        <CallbackTimeline reference={order.reference} events={events} />
      </section>
    </main>
  );
}
