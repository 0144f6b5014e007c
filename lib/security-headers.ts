import { appUrl } from "./app-url";
import { EMULATOR_MOUNT } from "./paymob/emulator-credentials";
import { isPaymobRegion, PAYMOB_REGIONS } from "./paymob/regions";
import { pixelBuild } from "./paymob/pixel-build";
import { paymobBrowserSources } from "./paymob/urls";

type Env = Record<string, string | undefined>;
export type Header = { key: string; value: string };

/**
 * The Paymob sources the browser may use, from the same variables the Paymob config reads, at run time: a build
 * made without keys and started with them must allow Paymob, not the emulator the build would have used. No
 * credential is read: only whether a secret key is set, the region and the base URL matter here.
 */
export function browserPaymobSources(env: Env): ReturnType<typeof paymobBrowserSources> {
  const regionName = env.PAYMOB_REGION?.trim().toLowerCase() ?? "";
  const region = isPaymobRegion(regionName) ? regionName : "egypt";
  const emulator = !env.PAYMOB_SECRET_KEY?.trim();
  const baseUrl = emulator
    ? `${appUrl(env)}${EMULATOR_MOUNT}`
    : (env.PAYMOB_BASE_URL?.trim() || PAYMOB_REGIONS[region].baseUrl).replace(/\/+$/, "");
  const mode = emulator ? "emulator" : "test";
  let build: ReturnType<typeof pixelBuild> | undefined;
  try {
    build = pixelBuild(env, mode);
  } catch {
    build = undefined; // refused at start (lib/env.ts); the mode's own build meanwhile
  }
  return paymobBrowserSources({ mode, region, baseUrl, pixelBuild: build });
}

/**
 * The emulator's card frame (Pixel's /iframe-card-v2/ and /iframe-card/) is made to sit inside any merchant's
 * page, as Paymob's frame host does; every other page may only be framed by the app itself.
 */
export function isEmbeddableEverywhere(pathname: string): boolean {
  if (!pathname.startsWith(EMULATOR_MOUNT)) return false;
  return /^\/iframe-card(-v2)?\/?$/.test(pathname.slice(EMULATOR_MOUNT.length));
}

export type PolicyOptions = {
  /**
   * A fresh per-request nonce: the only inline scripts that run are the ones Next.js renders with it. Without
   * one, inline scripts are allowed ('unsafe-inline'), for HTML that cannot carry a nonce: the emulator's pages
   * (plain strings) and any page served from a prerendered shell (Next's CSP guide: a static or partially
   * prerendered page is built without a request, so it has no nonce to give its scripts).
   */
  nonce?: string;
  dev?: boolean;
  /** `frame-ancestors *` instead of 'self' (isEmbeddableEverywhere); browsers then ignore X-Frame-Options. */
  embeddable?: boolean;
};

/**
 * The app itself plus the Paymob sources in use (API, the Pixel folder, the card iframe), nothing else.
 * Styles keep 'unsafe-inline': the stylesheet is inlined into each page (experimental.inlineCss), React
 * writes style attributes, and Pixel injects its own styles; none of that can run code.
 */
export function contentSecurityPolicy(
  env: Env,
  { nonce, dev = false, embeddable = false }: PolicyOptions = {},
): string {
  const paymob = browserPaymobSources(env);
  const list = (...sources: string[]) => [...new Set(sources)].join(" ");
  return [
    "default-src 'self'",
    // No 'strict-dynamic': with it browsers ignore the source list, and the Pixel script (added by
    // pixel-loader.ts with a src, no nonce) is allowed by its folder, not by whoever inserted it.
    `script-src ${list("'self'", nonce ? `'nonce-${nonce}'` : "'unsafe-inline'", paymob.pixel, ...(dev ? ["'unsafe-eval'"] : []))}`,
    `style-src ${list("'self'", "'unsafe-inline'", paymob.pixel)}`,
    `img-src ${list("'self'", "data:", "blob:", paymob.pixel, ...paymob.frames)}`,
    `font-src ${list("'self'", "data:", paymob.pixel, ...paymob.frames)}`,
    `connect-src ${list("'self'", ...paymob.connect, ...(dev ? ["ws:", "wss:"] : []))}`,
    `frame-src ${list("'self'", ...paymob.frames)}`,
    // Unified Checkout is reached by a form post's redirect (without JavaScript), which form-action also governs.
    `form-action ${list("'self'", paymob.api)}`,
    embeddable ? "frame-ancestors *" : "frame-ancestors 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** The headers that depend on the running configuration; set per request by proxy.ts. */
export function pageSecurityHeaders(env: Env, options: PolicyOptions = {}): Header[] {
  const frames = browserPaymobSources(env).frames.map((origin) => `"${origin}"`);
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(env, options) },
    // Apple Pay / Google Pay run inside Paymob's card iframe, which needs the Payment Request API delegated.
    {
      key: "Permissions-Policy",
      value: `camera=(), microphone=(), geolocation=(), payment=(self ${[...new Set(frames)].join(" ")})`,
    },
  ];
}

/** The headers that are the same whatever the configuration; next.config.ts sets them on every response. */
export function staticSecurityHeaders({ dev = false }: { dev?: boolean } = {}): Header[] {
  const headers: Header[] = [
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "SAMEORIGIN" },
  ];
  if (!dev) headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  return headers;
}
