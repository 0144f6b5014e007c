import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { OrderSummary } from "@/components/checkout/order-summary";
import { primaryButton } from "@/components/ui/button-styles";
import { getDb } from "@/db/client";
import { getViewer } from "@/lib/auth/session";
import { loadCart, readCartId } from "@/lib/cart";
import { countryOptions, regionCountry } from "@/lib/checkout/start/country-options";
import { readPayMode } from "@/lib/checkout/start/pay-mode";
import { Link } from "@/lib/i18n/navigation";
import { newCheckoutKey } from "@/lib/orders/references";
import { storeCurrency, storeRegion } from "@/lib/store";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("checkout");
  return { title: t("metadataTitle"), robots: { index: false } };
}

export default async function CheckoutPage() {
  const [t, locale] = await Promise.all([getTranslations("checkout"), getLocale()]);
  const region = storeRegion();
  // Cookies first: reading them makes the page dynamic, so `next build` never opens the database here.
  const [cartId, mode, viewer] = await Promise.all([readCartId(), readPayMode(), getViewer()]);
  const cart = await loadCart(await getDb(), cartId, storeCurrency(), locale);

  if (cart.lines.length === 0) {
    return (
      <main className="mx-auto flex w-full max-w-xl flex-col items-center gap-4 px-4 py-16 text-center">
        <h1 className="text-2xl font-bold">{t("emptyCart.title")}</h1>
        <p className="text-muted">{t("emptyCart.body")}</p>
        <Link href="/" className={primaryButton}>
          {t("backToShop")}
        </Link>
      </main>
    );
  }

  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="mb-6 text-3xl font-bold tracking-tight">{t("title")}</h1>
      {/* The summary comes first in the page, so on a phone the items and total sit above the form and its Pay
          button; from lg up the grid moves it to the sticky right-hand column. */}
      <div className="grid gap-8 lg:grid-cols-[1fr_380px]">
        <div className="lg:sticky lg:top-6 lg:col-start-2 lg:row-start-1 lg:self-start">
          <OrderSummary
            currency={cart.currency}
            region={region}
            totalMinor={cart.subtotalMinor}
            lines={cart.lines.map((line) => ({
              key: line.productId,
              name: line.name,
              quantity: line.quantity,
              lineTotalMinor: line.lineTotalMinor,
              image: line.image,
            }))}
          />
        </div>
        {/* A new key per render: resubmitting this same form can never create a second order. */}
        <div className="lg:col-start-1 lg:row-start-1">
          <CheckoutForm
            checkoutKey={newCheckoutKey()}
            defaultMode={mode}
            defaults={{ email: viewer?.email ?? undefined, country: regionCountry(region) }}
            total={{ amountMinor: cart.subtotalMinor, currency: cart.currency }}
            region={region}
            countries={countryOptions(locale)}
          />
        </div>
      </div>
    </main>
  );
}
