import path from "node:path";

export type DbConfig =
  | { driver: "pglite"; dataDir: string }
  | { driver: "pg"; url: string; poolMax: number; idleTimeoutMs?: number }
  | { driver: "neon"; url: string; poolMax: number; idleTimeoutMs?: number; wsProxy?: string };

const DEFAULT_PGLITE_DIR = ".data/pglite";

/**
 * The one decision about which database to talk to, from the environment alone:
 * - no DATABASE_URL: embedded PostgreSQL (PGlite) on disk under .data/ (or `memory://` in tests);
 * - a Neon URL (or DATABASE_DRIVER=neon): @neondatabase/serverless over WebSockets, so transactions work;
 * - any other postgres:// URL: node-postgres.
 */
export function resolveDbConfig(env: Record<string, string | undefined>): DbConfig {
  const url = env.DATABASE_URL?.trim();
  const poolMax = Number.parseInt(env.DATABASE_POOL_MAX ?? "", 10) || 10;
  // How long an unused pooled connection stays open (the drivers' default is 10 s).
  const idle = Number.parseInt(env.DATABASE_IDLE_TIMEOUT_MS ?? "", 10);
  const idleTimeoutMs = Number.isFinite(idle) && idle >= 0 ? idle : undefined;
  if (!url) {
    const dir = env.PGLITE_DATA_DIR?.trim() || DEFAULT_PGLITE_DIR;
    return { driver: "pglite", dataDir: dir === "memory://" ? dir : path.resolve(/* turbopackIgnore: true */ dir) };
  }
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(`DATABASE_URL must start with postgres:// or postgresql:// (got "${url.slice(0, 24)}…").`);
  }
  const forced = env.DATABASE_DRIVER?.trim();
  if (forced && forced !== "pg" && forced !== "neon") {
    throw new Error(`DATABASE_DRIVER must be "pg" or "neon" (got "${forced}").`);
  }
  const isNeonHost = /\.neon\.(tech|build)(:\d+)?\//.test(url) || url.includes(".neon.tech");
  if (forced === "neon" || (!forced && isNeonHost)) {
    return { driver: "neon", url, poolMax, idleTimeoutMs, wsProxy: env.NEON_WS_PROXY?.trim() || undefined };
  }
  return { driver: "pg", url, poolMax, idleTimeoutMs };
}
