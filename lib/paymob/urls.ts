import type { PaymobConfig } from "./config";
import { PAYMOB_REGIONS } from "./regions";

// URLs the browser is sent to or loads. No secrets here: only the public key and the intention's client
// secret, which Paymob designed to be handed to the customer's browser.

/** Paymob's docs load Pixel from jsDelivr; `@latest` is what they document, so no SRI hash is possible. */
export const PIXEL_CDN_BASE = "https://cdn.jsdelivr.net/npm/paymob-pixel@latest";

// Pixel renders card fields in an iframe on Paymob's checkout front-end. The production host is not in
// Paymob's docs (only the alpha build's alpha.checkout.paymob.com is known, research notes §3.1); these are
// the regional Unified Checkout hosts that public integrations use, kept only to allow them in frame-src.
const CHECKOUT_FRONTEND_ORIGINS = {
  egypt: "https://eg.checkout.paymob.com",
  ksa: "https://ksa.checkout.paymob.com",
  uae: "https://uae.checkout.paymob.com",
  oman: "https://om.checkout.paymob.com",
} as const satisfies Record<keyof typeof PAYMOB_REGIONS, string>;

/** The hosted Unified Checkout page for an intention: `{base}/unifiedcheckout/?publicKey=…&clientSecret=…`. */
export function unifiedCheckoutUrl(config: PaymobConfig, clientSecret: string): string {
  const query = new URLSearchParams({ publicKey: config.publicKey, clientSecret });
  return `${config.baseUrl}/unifiedcheckout/?${query.toString()}`;
}

/** Script and stylesheets for the embedded Pixel; the emulator serves a compatible build of its own. */
export function pixelAssets(config: PaymobConfig): { script: string; styles: string[] } {
  if (config.mode === "emulator") {
    return { script: `${config.baseUrl}/pixel/main.js`, styles: [`${config.baseUrl}/pixel/main.css`] };
  }
  return { script: `${PIXEL_CDN_BASE}/main.js`, styles: [`${PIXEL_CDN_BASE}/styles.css`, `${PIXEL_CDN_BASE}/main.css`] };
}

/** Origins the checkout pages must allow in their Content-Security-Policy. */
export function paymobOrigins(config: PaymobConfig): { api: string; script: string; frame: string[] } {
  const api = new URL(config.baseUrl).origin;
  if (config.mode === "emulator") return { api, script: api, frame: [api] };
  return { api, script: new URL(PIXEL_CDN_BASE).origin, frame: [api, CHECKOUT_FRONTEND_ORIGINS[config.region]] };
}
