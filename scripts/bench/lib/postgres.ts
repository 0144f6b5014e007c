import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDb, type DbHandle } from "@/db/client";
import { migrateDb } from "@/db/migrate";

/** The local PostgreSQL the benchmarks run against (loopback, trust auth); override with BENCH_PG_URL. */
export const BENCH_PG_ADMIN_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export type BenchDatabase = {
  name: string;
  url: string;
  withDb: <T>(work: (db: DbHandle["db"]) => Promise<T>) => Promise<T>;
  drop: () => Promise<void>;
};

/**
 * A fresh, migrated database for one measured server. `withDb()` opens a short-lived pool: PostgreSQL reports a
 * backend's table counters when it exits, so closing ours keeps the activity readings exact.
 */
export async function createBenchDatabase(label: string): Promise<BenchDatabase> {
  const name = `bench_${label}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await admin((client) => client.query(`create database ${name}`));
  const url = new URL(BENCH_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const withDb = async <T>(work: (db: DbHandle["db"]) => Promise<T>): Promise<T> => {
    const handle: DbHandle = await openDb({ driver: "pg", url: url.toString(), poolMax: 4 });
    try {
      return await work(handle.db);
    } finally {
      await handle.close();
    }
  };
  await withDb(async (db) => migrateDb({ db, driver: "pg", close: async () => {} }));
  let dropped = false;
  return {
    name,
    url: url.toString(),
    withDb,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await admin((client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: BENCH_PG_ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Fails fast, with the fix, when PostgreSQL is not running. */
export async function assertPostgresReachable(): Promise<void> {
  try {
    await admin((client) => client.query("select 1"));
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${BENCH_PG_ADMIN_URL} (${(error as Error).message}). Start it (pg_ctlcluster 15 main start) or set BENCH_PG_URL.`,
    );
  }
}
