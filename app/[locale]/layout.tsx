import type { Metadata, Viewport } from "next";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { clientMessages } from "@/lib/i18n/client-messages";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/account/account-menu";
import { Footer } from "@/components/layout/footer";
import { Header } from "@/components/layout/header";
import { SkipLink } from "@/components/layout/skip-link";
import { VisitorProvider } from "@/components/layout/visitor";
import { appUrl } from "@/lib/app-url";
import { localeDirection, routing } from "@/lib/i18n/routing";
import { siteOpenGraph } from "@/lib/site-metadata";
import { STORE_NAME } from "@/lib/store";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

// Both languages are known at build time; any other first segment is not a locale but an unknown page.
export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Omit<Props, "children">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return {
    // Absolute URLs (Open Graph images, canonical and hreflang links) from APP_URL, read when the server starts:
    // the running configuration, never the build's nor a request's Host header.
    metadataBase: new URL(appUrl()),
    title: { default: t("title", { store: STORE_NAME }), template: `%s · ${STORE_NAME}` },
    description: t("description"),
    // Images come from app/opengraph-image.tsx (and each product's own); Twitter reuses them.
    openGraph: siteOpenGraph(locale),
    twitter: { card: "summary_large_image" },
  };
}

export const viewport: Viewport = { themeColor: "#8f4a17" };

/**
 * The document for one language: `<html lang dir>` from the [locale] segment (proxy.ts rewrites the bare English
 * paths to /en/…). The locale comes from the path, never from a request header, so a page stays fit to be
 * prerendered: setRequestLocale hands it to every server component below. Reads nothing else of the request
 * either: the header's cart count and account menu are the visitor's own, so the browser asks /api/visitor for
 * them (VisitorProvider) and a page stays the same for everyone.
 */
export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return (
    <html lang={locale} dir={localeDirection(locale)}>
      <body className="flex min-h-screen flex-col bg-brand-50 font-sans text-ink antialiased">
        <NextIntlClientProvider messages={await clientMessages()}>
          <SkipLink />
          <VisitorProvider>
            <Header account={<AccountMenu />} />
            {/* Each page renders its own <main>; this wrapper is only the skip link's target. */}
            <div id="main" tabIndex={-1} className="flex-1 outline-none">
              {children}
            </div>
          </VisitorProvider>
          <Footer />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
