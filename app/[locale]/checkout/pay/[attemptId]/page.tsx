import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { OrderSummary, placedOrderLines } from "@/components/checkout/order-summary";
import { PixelCheckout } from "@/components/checkout/pixel-checkout";
import { getDb } from "@/db/client";
import { returnPath } from "@/lib/checkout/payment-step";
import { loadOwnedAttempt } from "@/lib/checkout/ownership/owned-attempt";
import { currentOwner } from "@/lib/checkout/ownership/owner";
import { redirectInLocale } from "@/lib/i18n/redirect";
import { paymobConfig } from "@/lib/paymob/config";
import { pixelBuild } from "@/lib/paymob/pixel-build";
import { pixelAssets } from "@/lib/paymob/urls";
import { storeRegion } from "@/lib/store";
import { isAppLocale } from "@/lib/i18n/routing";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("checkout");
  return { title: t("pay.metadataTitle"), robots: { index: false } };
}

/** The embedded (Pixel) payment page of one attempt. Only its owner can open it; the browser gets no secret key. */
export default async function PixelPayPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const attemptId = z.uuid().safeParse((await params).attemptId);
  if (!attemptId.success) notFound();
  const found = await loadOwnedAttempt(await getDb(), { attemptId: attemptId.data }, await currentOwner());
  if (!found) notFound();
  const { order, attempt, lines } = found;

  // Already paid, failed or otherwise finished (e.g. Back after 3-D Secure): show the result, never a used form.
  const clientSecret = attempt.clientSecret;
  const payable = order.status === "awaiting_payment" && attempt.mode === "pixel" && attempt.status === "intended";
  if (!payable || !clientSecret) return redirectInLocale(returnPath(attempt.specialReference));

  const config = paymobConfig();
  const assets = pixelAssets({ ...config, pixelBuild: pixelBuild(process.env, config.mode) });
  const t = await getTranslations("checkout");

  return (
    <main className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6">
      <h1 className="mb-1 text-3xl font-bold tracking-tight">{t("pay.title")}</h1>
      <p className="mb-6 text-muted">
        {t.rich("pay.intro", {
          reference: order.reference,
          ref: (chunks) => (
            <bdi dir="ltr" className="font-semibold">
              {chunks}
            </bdi>
          ),
        })}
      </p>
      <div className="grid gap-8 lg:grid-cols-[1fr_360px]">
        <PixelCheckout
          publicKey={config.publicKey}
          clientSecret={clientSecret}
          script={assets.script}
          styles={assets.styles}
          returnUrl={returnPath(attempt.specialReference)}
          showSaveCard={order.userId !== null}
          locale={await pageLocale()}
        />
        <OrderSummary
          currency={order.currency}
          region={storeRegion()}
          totalMinor={order.totalMinor}
          lines={placedOrderLines(lines)}
        />
      </div>
    </main>
  );
}

/** The request's store locale (next-intl resolves it from the URL), narrowed to the two the store speaks. */
async function pageLocale() {
  const locale = await getLocale();
  return isAppLocale(locale) ? locale : "en";
}
