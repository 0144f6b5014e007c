import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets parallel builds (tests, benchmarks) use their own output folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its .wasm/.data through new URL(…, import.meta.url), which breaks when bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "ws"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default nextConfig;
