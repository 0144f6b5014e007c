import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { after } from "next/server";
import { OrderStatusCard } from "@/components/checkout/order-status-card";
import { OrderSummary, placedOrderLines } from "@/components/checkout/order-summary";
import { RetryButton } from "@/components/checkout/retry-button";
import { StatusPoller } from "@/components/checkout/status-poller";
import { PaymentDetails, paymentDetailsOpen } from "@/components/orders/payment-details";
import { PaymentTimeline } from "@/components/orders/payment-timeline";
import { secondaryButton } from "@/components/ui/button-styles";
import { ReportCartCount } from "@/components/layout/visitor";
import { getDb } from "@/db/client";
import { asAdmin } from "@/lib/admin/guard";
import { getViewer } from "@/lib/auth/session";
import { currentOwner } from "@/lib/checkout/ownership/owner";
import { reconcileStaleAttempt } from "@/lib/checkout/return/reconcile";
import { loadReturnState } from "@/lib/checkout/return/return-state";
import { redirectLookup, redirectNote, searchParamsToQuery } from "@/lib/checkout/return/redirect-query";
import { Link } from "@/lib/i18n/navigation";
import { loadOrderTimeline } from "@/lib/orders/timeline";
import { logger } from "@/lib/logger";
import { paymobConfig } from "@/lib/paymob/config";
import { storeRegion } from "@/lib/store";
import { storeSupportEmail } from "@/lib/support-contact";
import { visitorCartCount } from "@/lib/visitor/read-visitor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("checkout");
  return { title: t("return.metadataTitle"), robots: { index: false } };
}

/**
 * Where Paymob sends the customer back (redirection_url, with its flat query) and where Pixel goes after a
 * non-3-D-Secure payment. It shows only what the database says, and only to the order's owner.
 */
export default async function ReturnPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = searchParamsToQuery(await searchParams);
  const lookup = redirectLookup(query);
  if (!lookup) notFound();
  const db = await getDb();
  const state = await loadReturnState(db, lookup, await currentOwner());
  if (!state) notFound();

  const { order, lines, current, awaiting, retryable } = state;
  const config = paymobConfig();
  // Asked after the response is sent, so a slow Paymob never delays this page; the next poll shows the answer.
  if (awaiting)
    after(() =>
      reconcileStaleAttempt(db, order, current, { config }).catch((e: unknown) =>
        logger.error(
          { scope: "checkout", orderReference: order.reference, attemptId: current.id, err: e },
          "inquiry failed",
        ),
      ),
    );

  // Read after the order, so it is at least as new: Paymob's callback (sent as the customer comes back) may have
  // emptied the cart since the header last asked, leaving "Paid" beside the old count. ReportCartCount hands this
  // read to the header, on this render and on every poll's refresh, with no request of its own.
  const cartCount = await visitorCartCount();
  const t = await getTranslations("checkout");
  const timeline = await loadOrderTimeline(db, order.id);
  const detailsOpen = paymentDetailsOpen({
    emulator: config.mode === "emulator",
    admin: asAdmin(await getViewer()) !== null,
  });

  // The customer's page first (status, what happens next, the order); the payment story folded below it.
  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-8 sm:px-6">
      <ReportCartCount count={cartCount} />
      <OrderStatusCard status={order.status} reference={order.reference}>
        {awaiting ? <StatusPoller reference={order.reference} supportEmail={storeSupportEmail()} /> : null}
        <div className="flex flex-wrap gap-3">
          {retryable ? <RetryButton orderId={order.id} /> : null}
          <Link href="/" className={secondaryButton}>
            {t("backToShop")}
          </Link>
        </div>
      </OrderStatusCard>
      <OrderSummary
        title={t("summary.yourOrder")}
        currency={order.currency}
        region={storeRegion()}
        totalMinor={order.totalMinor}
        lines={placedOrderLines(lines)}
      />
      <PaymentDetails open={detailsOpen}>
        <PaymentTimeline entries={timeline} note={redirectNote(query, config.hmacSecret)} framed={false} />
      </PaymentDetails>
    </main>
  );
}
