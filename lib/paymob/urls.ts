import type { PaymobConfig } from "./config";
import { PAYMOB_REGIONS } from "./regions";

// URLs the browser is sent to or loads. No secrets here: only the public key and the intention's client
// secret, which Paymob designed to be handed to the customer's browser.

/** Paymob's docs load Pixel from jsDelivr; `@latest` is what they document, so no SRI hash is possible. */
const PIXEL_CDN_BASE = "https://cdn.jsdelivr.net/npm/paymob-pixel@latest";

// Pixel renders card fields in an iframe on Paymob's checkout front-end. The production host is not in
// Paymob's docs (only the alpha build's alpha.checkout.paymob.com is known, docs/paymob.md § "Pixel"); these are
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

/** What the browser-facing URLs depend on: never a credential, so the CSP can be built without one. */
export type PaymobBrowserConfig = Pick<PaymobConfig, "mode" | "region" | "baseUrl">;

/** The folder the Pixel script and stylesheets load from; the emulator serves a compatible build of its own. */
function pixelFolder(config: PaymobBrowserConfig): string {
  return config.mode === "emulator" ? `${config.baseUrl}/pixel/` : `${PIXEL_CDN_BASE}/`;
}

/** Script and stylesheets for the embedded Pixel. */
export function pixelAssets(config: PaymobBrowserConfig): { script: string; styles: string[] } {
  const folder = pixelFolder(config);
  if (config.mode === "emulator") return { script: `${folder}main.js`, styles: [`${folder}main.css`] };
  return { script: `${folder}main.js`, styles: [`${folder}styles.css`, `${folder}main.css`] };
}

/**
 * What the pages' Content-Security-Policy must allow for Paymob: the API origin (Pixel's fetches, the Unified
 * Checkout redirect), the Pixel folder (a path, not the whole CDN: jsDelivr serves every npm package, so its
 * origin alone would let any published script run) and the origins of the card iframe.
 */
export function paymobBrowserSources(config: PaymobBrowserConfig): { api: string; pixel: string; frames: string[] } {
  const api = new URL(config.baseUrl).origin;
  const frames = config.mode === "emulator" ? [api] : [api, CHECKOUT_FRONTEND_ORIGINS[config.region]];
  return { api, pixel: pixelFolder(config), frames };
}

/** The query our return page reads a reference from, spelled as Paymob's own redirect spells it, so a Pixel
 * completion without 3-D Secure (which does not redirect) lands on the same page as a redirect does. */
export function returnQuery(specialReference: string): URLSearchParams {
  return new URLSearchParams({ merchant_order_id: specialReference });
}
