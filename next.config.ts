import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { staticSecurityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // Lets parallel builds (tests, benchmarks) use their own output folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its .wasm/.data through new URL(…, import.meta.url), which breaks when bundled.
  serverExternalPackages: ["@electric-sql/pglite", "ws"],
  poweredByHeader: false,
  // Paymob's API paths end in "/" (POST /v1/intention/, GET /unifiedcheckout/); the built-in emulator mounted at
  // /paymob-emulator must receive them as sent, not 308-redirected to the slash-less path (which a POST must not follow).
  skipTrailingSlashRedirect: true,
  // `npm test` type-checks as its own stage before the e2e build, so that build may skip doing it twice.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  reactStrictMode: true,
  // No experimental.inlineCss: the stylesheet is linked (/_next/static/…css, immutable, cached by the browser and a
  // CDN). Inlining cost more than it gained. Next 16.4 writes the sheet into the page three times, a <style> plus
  // two copies in the RSC payload (the page tree and the global-error boundary), so Tailwind's 42.5 KB sheet made
  // 128 KB of a 207 KB home page; with the sheet larger than gzip's 32 KB window the copies do not even compress
  // away (36.4 KB gzip against 13.6 KB linked), and the browser parses the payload's copies as JavaScript strings
  // before hydrating, on every page view and client navigation, where a linked sheet is fetched once per visit.
  // What inlining gains is one round trip before the first paint on a cold visit: the linked sheet is 8.8 KB gzip,
  // requested in parallel with the page's scripts. Measured with npm run bench:pages (see README § Performance).
  // useCache: catalog reads are `"use cache"`, shared by every visitor and tagged, and invalidated by the app's
  // own writes (lib/catalog/cached.ts, lib/catalog/invalidate.ts): a catalog page runs no query once warm. The
  // pages themselves are still rendered per request; making them static (cacheComponents) is the next step.
  experimental: { useCache: true },
  typedRoutes: false,
  // Only the headers that never depend on the configuration: next.config is evaluated at build time, so anything
  // read from the environment here would be frozen into the build. The Content-Security-Policy is set per
  // request by proxy.ts, from the running configuration.
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders({ dev: process.env.NODE_ENV === "development" }) }];
  },
};

// next-intl finds its per-request config (locale and messages) through this plugin.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default withNextIntl(nextConfig);
