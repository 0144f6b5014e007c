import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import "./globals.css";
import { AccountMenu } from "@/components/account/account-menu";
import { Footer } from "@/components/layout/footer";
import { Header } from "@/components/layout/header";
import { SkipLink } from "@/components/layout/skip-link";
import { VisitorProvider } from "@/components/layout/visitor";
import { appUrl } from "@/lib/app-url";
import { SITE_OPEN_GRAPH } from "@/lib/site-metadata";
import { STORE_NAME } from "@/lib/store";

export const metadata: Metadata = {
  // Absolute URLs (Open Graph images, canonical links) from APP_URL, read when the server starts: every page is
  // rendered per request, so this is the running configuration, never the build's nor a request's Host header.
  metadataBase: new URL(appUrl()),
  title: { default: `${STORE_NAME} · Egyptian home goods`, template: `%s · ${STORE_NAME}` },
  description:
    "Hand-made Egyptian home goods: clay, cotton, brass and the pantry of the Nile. The reference Paymob storefront for Next.js.",
  // Images come from app/opengraph-image.tsx (and each product's own); Twitter reuses them.
  openGraph: SITE_OPEN_GRAPH,
  twitter: { card: "summary_large_image" },
};

export const viewport: Viewport = { themeColor: "#8f4a17" };

/**
 * Reads nothing of the request: the header's cart count and account menu are the visitor's own, so the browser
 * asks /api/visitor for them (VisitorProvider) and a page stays the same for everyone, fit to be prerendered.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col bg-brand-50 font-sans text-ink antialiased">
        <NextIntlClientProvider>
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
