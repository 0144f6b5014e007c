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
  // The stylesheet goes into each page's HTML instead of a separate request, so the first paint does not wait
  // for it (nor, on a slow phone, for the JS that downloads alongside it): the catalog pages reach Lighthouse
  // 100 on mobile with it and 98–99 without (npm run bench:pages). Tailwind's whole sheet is ~8 KB gzipped.
  // Experimental in Next 16; the price is that returning visitors cannot reuse a cached stylesheet.
  // useCache: catalog reads are `"use cache"`, shared by every visitor and tagged, and invalidated by the app's
  // own writes (lib/catalog/cached.ts, lib/catalog/invalidate.ts): a catalog page runs no query once warm. The
  // pages themselves are still rendered per request; making them static (cacheComponents) is the next step.
  experimental: { inlineCss: true, useCache: true },
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
