import "server-only";
import { paymentUrls } from "@/lib/app-url";
import { paymobConfig } from "@/lib/paymob/config";
import type { PaymentDeps } from "./intend";

/** The app's real Paymob wiring (or its built-in emulator). Throws PaymobConfigError on a bad configuration. */
export function paymentDeps(): PaymentDeps {
  return { config: paymobConfig(), urls: paymentUrls() };
}

/** The return page for an attempt, as Pixel's non-3-D-Secure completion and resubmissions reach it. */
export function returnPath(specialReference: string): string {
  return `/checkout/return?${new URLSearchParams({ merchant_order_id: specialReference })}`;
}

export function pixelPagePath(attemptId: string): string {
  return `/checkout/pay/${attemptId}`;
}
