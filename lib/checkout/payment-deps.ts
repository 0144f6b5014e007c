import "server-only";
import { paymentUrls, type PaymentUrls } from "@/lib/app-url";
import { paymobConfig, type PaymobConfig } from "@/lib/paymob/config";
import type { FetchImpl } from "@/lib/paymob/http";

/** What talking to Paymob needs; injected so integration tests can point it at a fake or the emulator. */
export type PaymentDeps = { config: PaymobConfig; urls: PaymentUrls; fetchImpl?: FetchImpl };

/** The app's real Paymob wiring (or its built-in emulator). Throws PaymobConfigError on a bad configuration. */
export function paymentDeps(): PaymentDeps {
  return { config: paymobConfig(), urls: paymentUrls() };
}
