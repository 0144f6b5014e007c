import type { PaymobConfig } from "./config";
import type { PixelBuild } from "./pixel-build";
import { PAYMOB_REGIONS } from "./regions";

// URLs the browser is sent to or loads. No secrets here: only the public key and the intention's client
// secret, which Paymob designed to be handed to the customer's browser.

/** Paymob's docs load Pixel from jsDelivr; `@latest` is what they document, so no SRI hash is possible. */
const PIXEL_CDN_BASE = "https://cdn.jsdelivr.net/npm/paymob-pixel@latest";
/**
 * Paymob's npm build (`paymob-pixel-alpha`, the version in package.json's devDependencies). Its environment is
 * compiled in: every region's API is accept-alpha.paymob.com and its card frame alpha.checkout.paymob.com.
 */
export const PIXEL_ALPHA = {
  folder: "https://cdn.jsdelivr.net/npm/paymob-pixel-alpha@1.2.14",
  api: "https://accept-alpha.paymob.com",
  frontEnd: "https://alpha.checkout.paymob.com",
} as const;

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

/**
 * What the browser-facing URLs depend on: never a credential, so the CSP can be built without one.
 * `pixelBuild` defaults to the mode's own (lib/paymob/pixel-build.ts).
 */
export type PaymobBrowserConfig = Pick<PaymobConfig, "mode" | "region" | "baseUrl"> & { pixelBuild?: PixelBuild };

const buildOf = (config: PaymobBrowserConfig): PixelBuild =>
  config.pixelBuild ?? (config.mode === "emulator" ? "emulator" : "paymob-pixel");

/** The folder the Pixel script (and stylesheets) load from; the emulator serves a compatible build of its own. */
function pixelFolder(config: PaymobBrowserConfig): string {
  const build = buildOf(config);
  if (build === "emulator") return `${config.baseUrl}/pixel/`;
  return build === "paymob-pixel-alpha" ? `${PIXEL_ALPHA.folder}/` : `${PIXEL_CDN_BASE}/`;
}

/** Script and stylesheets for the embedded Pixel. The npm build inlines its styles (its README). */
export function pixelAssets(config: PaymobBrowserConfig): { script: string; styles: string[] } {
  const folder = pixelFolder(config);
  const build = buildOf(config);
  if (build === "emulator") return { script: `${folder}main.js`, styles: [`${folder}main.css`] };
  if (build === "paymob-pixel-alpha") return { script: `${folder}main.js`, styles: [] };
  return { script: `${folder}main.js`, styles: [`${folder}styles.css`, `${folder}main.css`] };
}

/**
 * What the pages' Content-Security-Policy must allow for Paymob: the API origin (the Unified Checkout redirect),
 * the Pixel folder (a path, not the whole CDN: jsDelivr serves every npm package, so its origin alone would let
 * any published script run), the origins the Pixel script fetches from, and the origins of its card iframe.
 */
export function paymobBrowserSources(config: PaymobBrowserConfig): {
  api: string;
  pixel: string;
  connect: string[];
  frames: string[];
} {
  const api = new URL(config.baseUrl).origin;
  const pixel = pixelFolder(config);
  const build = buildOf(config);
  if (build === "paymob-pixel-alpha") return { api, pixel, connect: [PIXEL_ALPHA.api], frames: [PIXEL_ALPHA.frontEnd] };
  const frames = build === "emulator" ? [api] : [api, CHECKOUT_FRONTEND_ORIGINS[config.region]];
  return { api, pixel, connect: [api], frames };
}

/** The query our return page reads a reference from, spelled as Paymob's own redirect spells it, so a Pixel
 * completion without 3-D Secure (which does not redirect) lands on the same page as a redirect does. */
export function returnQuery(specialReference: string): URLSearchParams {
  return new URLSearchParams({ merchant_order_id: specialReference });
}
