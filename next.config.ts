import type { NextConfig } from "next";
import { securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // Lets parallel builds (tests, benchmarks) use their own output folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its .wasm/.data through new URL(…, import.meta.url), which breaks when bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "ws"],
  poweredByHeader: false,
  // Paymob's API paths end in "/" (POST /v1/intention/, GET /unifiedcheckout/); the built-in emulator mounted at
  // /paymob-emulator must receive them as sent, not 308-redirected to the slash-less path (which a POST must not follow).
  skipTrailingSlashRedirect: true,
  // `npm test` type-checks as its own stage before the e2e build, so that build may skip doing it twice.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  reactStrictMode: true,
  typedRoutes: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env, { dev: process.env.NODE_ENV === "development" }) }];
  },
};

export default nextConfig;
