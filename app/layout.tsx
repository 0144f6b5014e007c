import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { AccountLink } from "@/components/account/account-link";
import { CartCountProvider } from "@/components/cart/cart-count";
import { Footer } from "@/components/layout/footer";
import { Header } from "@/components/layout/header";
import { layoutCartCount } from "@/components/layout/header-cart-count";
import { SkipLink } from "@/components/layout/skip-link";
import { appUrl } from "@/lib/app-url";
import { STORE_NAME } from "@/lib/store";

export const metadata: Metadata = {
  metadataBase: new URL(appUrl()), // absolute URLs for the product pages' Open Graph images
  title: { default: `${STORE_NAME} · Egyptian home goods`, template: `%s · ${STORE_NAME}` },
  description:
    "Hand-made Egyptian home goods: clay, cotton, brass and the pantry of the Nile. The reference Paymob storefront for Next.js.",
};

export const viewport: Viewport = { themeColor: "#8f4a17" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the cart cookie makes every page render per request, which the DB-backed pages are anyway.
  const cartCount = await layoutCartCount();
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col bg-brand-50 font-sans text-ink antialiased">
        <SkipLink />
        <CartCountProvider read={cartCount}>
          <Header account={<AccountLink />} />
          {/* Each page renders its own <main>; this wrapper is only the skip link's target. */}
          <div id="main" tabIndex={-1} className="flex-1 outline-none">
            {children}
          </div>
        </CartCountProvider>
        <Footer />
      </body>
    </html>
  );
}
