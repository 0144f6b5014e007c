import type { ReactNode } from "react";
import "./globals.css";

// The document (<html lang dir>, header, footer) belongs to app/[locale]/layout.tsx, which knows the language.
// This root layout exists for app/not-found.tsx, which answers paths that never reach a locale (next-intl's
// recommended setup); the API routes and the Paymob emulator are route handlers and render no layout at all.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
