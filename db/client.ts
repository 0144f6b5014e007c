import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { resolveDbConfig, type DbConfig } from "./config";
import { claimPgliteDir, embeddedServerUrl } from "./pglite-lock";
import { logger } from "../lib/logger";

type Schema = typeof schema;
/** The driver-independent Drizzle database every query in the app is written against. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbHandle = { db: Db; driver: DbConfig["driver"]; close: () => Promise<void> };

/** Opens a connection for the given config. Nothing here runs at import time: `next build` never touches a DB. */
export async function openDb(config: DbConfig): Promise<DbHandle> {
  switch (config.driver) {
    case "pglite": {
      const { PGlite } = await import("@electric-sql/pglite");
      const { drizzle } = await import("drizzle-orm/pglite");
      const release = config.dataDir === "memory://" ? () => {} : claimPgliteDir(config.dataDir);
      const client = config.dataDir === "memory://" ? new PGlite() : new PGlite(config.dataDir);
      const db = drizzle({ client, schema }) as unknown as Db;
      return {
        db,
        driver: "pglite",
        close: async () => {
          await client.close();
          release();
        },
      };
    }
    case "pg": {
      const { Pool } = await import("pg");
      const { drizzle } = await import("drizzle-orm/node-postgres");
      const pool = guardedPool(Pool, config);
      const db = drizzle({ client: pool, schema }) as unknown as Db;
      return { db, driver: "pg", close: () => pool.end() };
    }
    case "neon": {
      const { Pool, neonConfig } = await import("@neondatabase/serverless");
      const { drizzle } = await import("drizzle-orm/neon-serverless");
      const { default: ws } = await import("ws");
      // Node 20 has no global WebSocket; Neon's Pool needs one to run transactions.
      neonConfig.webSocketConstructor = ws;
      if (config.wsProxy) {
        // Local ws→tcp bridge (tests): plain ws, and no pipelined startup, which breaks SCRAM auth on vanilla Postgres.
        const proxy = config.wsProxy;
        neonConfig.wsProxy = (host, port) => `${proxy}/v1?address=${host}:${port}`;
        neonConfig.useSecureWebSocket = false;
        neonConfig.pipelineTLS = false;
        neonConfig.pipelineConnect = false;
      }
      const pool = guardedPool(Pool, config);
      const db = drizzle({ client: pool, schema }) as unknown as Db;
      return { db, driver: "neon", close: () => pool.end() };
    }
  }
}

type PoolOptions = { connectionString: string; max: number; idleTimeoutMillis?: number };
type GuardablePool = {
  on: (event: "error", listener: (error: Error) => void) => unknown;
  connect: (...args: never[]) => unknown;
};

/** A node-postgres or Neon pool (same options, same pool API), guarded against connections the server drops. */
function guardedPool<P extends GuardablePool>(
  Pool: new (options: PoolOptions) => P,
  config: Extract<DbConfig, { driver: "pg" | "neon" }>,
): P {
  const pool = new Pool({ connectionString: config.url, max: config.poolMax, idleTimeoutMillis: config.idleTimeoutMs });
  pool.on("error", logIdleClientError);
  releaseClientsThatDie(pool);
  return pool;
}

// An idle pooled connection that the server drops (restart, failover, Neon scaling to zero) emits "error" on
// the pool; without a listener that would crash the process. The pool replaces the connection by itself.
function logIdleClientError(error: Error): void {
  logger.warn({ scope: "db", reason: error.message }, "idle connection closed by the server");
}

type CheckedOutClient = {
  release: (error?: Error | boolean) => void;
  once: (event: "end" | "error", listener: (error?: Error) => void) => unknown;
  off: (event: "end" | "error", listener: (error?: Error) => void) => unknown;
};

/**
 * drizzle's transaction() sends BEGIN before entering its try/finally (drizzle-orm 0.45, node-postgres and
 * neon-serverless sessions), so a connection that dies during BEGIN is never released and, after `max` such
 * losses, every request waits forever. So a checked-out client whose connection ends is released (and
 * discarded) at once; a later release() by its borrower is a no-op. The callback form of connect(), which
 * pool.query() uses, already releases on every path and is left alone.
 */
function releaseClientsThatDie(pool: { connect: (...args: never[]) => unknown }): void {
  const connect = (pool.connect as (...args: unknown[]) => unknown).bind(pool);
  (pool as { connect: (...args: unknown[]) => unknown }).connect = (...args: unknown[]) => {
    if (args.length > 0) return connect(...args);
    return (connect() as Promise<CheckedOutClient>).then((client) => {
      const release = client.release.bind(client);
      let released = false;
      const onDeath = (error?: Error) => finish(error ?? new Error("connection ended while checked out"));
      const finish = (error?: Error | boolean) => {
        client.off("end", onDeath);
        client.off("error", onDeath);
        if (released) return;
        released = true;
        release(error);
      };
      client.once("end", onDeath);
      client.once("error", onDeath);
      client.release = finish;
      return client;
    });
  };
}

type Holder = { handle?: Promise<DbHandle> };
// Survives dev hot reloads, so a reload never opens a second PGlite on the same folder.
const holder: Holder = ((globalThis as { __storefrontDb?: Holder }).__storefrontDb ??= {});

/** The app's shared connection, opened on first use from the environment. */
export function getDbHandle(): Promise<DbHandle> {
  holder.handle ??= openDb(appDbConfig()).catch((error: unknown) => {
    holder.handle = undefined;
    throw error;
  });
  return holder.handle;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Like resolveDbConfig, but joins the embedded server when `scripts/with-db.mjs` already owns the PGlite folder. */
function appDbConfig(): DbConfig {
  const config = resolveDbConfig(process.env);
  if (config.driver !== "pglite" || config.dataDir === "memory://") return config;
  const url = embeddedServerUrl(config.dataDir);
  // One connection: PGlite runs one statement at a time anyway (see scripts/embedded-db-server.mjs).
  return url ? { driver: "pg", url, poolMax: 1 } : config;
}

/** Replaces the shared connection (tests) and closes the previous one. */
export async function setDbHandle(handle: DbHandle | undefined): Promise<void> {
  const previous = holder.handle;
  holder.handle = handle ? Promise.resolve(handle) : undefined;
  if (previous) await (await previous).close().catch(() => {});
}
