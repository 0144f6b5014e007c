import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { STORE_NAME } from "@/lib/store";

export const metadata: Metadata = {
  title: { default: STORE_NAME, template: `%s · ${STORE_NAME}` },
  description: "The reference Paymob storefront for Next.js",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-brand-50 font-sans text-ink antialiased">{children}</body>
    </html>
  );
}
