import { appUrl } from "./app-url";
import { PAYMOB_REGIONS, REGION_NAMES, type PaymobRegion } from "./paymob/regions";
import { paymobOrigins } from "./paymob/urls";

type Env = Record<string, string | undefined>;
export type Header = { key: string; value: string };

/**
 * The Paymob origins the browser may talk to, from the same variables the Paymob config reads. Computed
 * without credentials (next.config runs at build time, which must need no secrets): only whether a secret
 * key is set, the region and the base URL matter here.
 */
export function browserPaymobOrigins(env: Env): string[] {
  const region = (REGION_NAMES as readonly string[]).includes(env.PAYMOB_REGION?.trim().toLowerCase() ?? "")
    ? (env.PAYMOB_REGION!.trim().toLowerCase() as PaymobRegion)
    : "egypt";
  const emulator = !env.PAYMOB_SECRET_KEY?.trim();
  const baseUrl = emulator ? `${appUrl(env)}/paymob-emulator` : env.PAYMOB_BASE_URL?.trim() || PAYMOB_REGIONS[region].baseUrl;
  const origins = paymobOrigins({ mode: emulator ? "emulator" : "test", region, baseUrl } as Parameters<typeof paymobOrigins>[0]);
  return [...new Set([origins.api, origins.script, ...origins.frame])];
}

/**
 * Content-Security-Policy and friends: the app itself plus the Paymob hosts in use (API, Pixel script, the
 * card iframe), nothing else. Inline scripts stay allowed because Next streams its payload inline; every
 * remote origin is pinned.
 */
export function securityHeaders(env: Env, { dev = false }: { dev?: boolean } = {}): Header[] {
  const paymob = browserPaymobOrigins(env).join(" ");
  const self = `'self' ${paymob}`;
  const csp = [
    "default-src 'self'",
    `script-src ${self} 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src ${self} 'unsafe-inline'`,
    `img-src 'self' data: blob: ${paymob}`,
    `font-src 'self' data: ${paymob}`,
    `connect-src ${self}${dev ? " ws: wss:" : ""}`,
    `frame-src ${self}`,
    // Unified Checkout is reached by a form post's redirect, which form-action also governs.
    `form-action ${self}`,
    "frame-ancestors 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
  const headers: Header[] = [
    { key: "Content-Security-Policy", value: csp },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "SAMEORIGIN" },
    { key: "Permissions-Policy", value: `camera=(), microphone=(), geolocation=(), payment=(self ${paymob.split(" ").map((o) => `"${o}"`).join(" ")})` },
  ];
  if (!dev) headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  return headers;
}
