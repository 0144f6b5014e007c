import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { openDb, setDbHandle, type Db, type DbHandle } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { seedProducts } from "@/db/seed";
import { TEST_PG_ADMIN_URL, testDbTarget } from "./test-db-target";

export type TestDb = {
  readonly db: Db;
  readonly handle: DbHandle;
  /** The database's connection URL, for other processes (pg and neon only; PGlite lives in this process). */
  readonly url: string;
  readonly skipped: boolean;
};

/**
 * A fresh, migrated, seeded database for one test file, on the target TEST_DB names. It also becomes the app's
 * shared connection (getDb()), so server code under test uses it. Dropped afterwards.
 * Usage: `const t = useTestDb();` at the top of a test file, then `t.db` inside tests.
 */
export function useTestDb(options: { seed?: boolean } = {}): TestDb {
  const state: { handle?: DbHandle; url?: string; drop?: () => Promise<void> } = {};
  const target = testDbTarget();
  const skipped = target !== "pglite" && inject("skipDb") === true;

  beforeAll(async () => {
    if (skipped) return;
    const created = await createDatabase(target);
    state.handle = created.handle;
    state.drop = created.drop;
    state.url = created.url;
    await migrateDb(created.handle);
    if (options.seed !== false) await seedProducts(created.handle.db, "EGP");
    await setDbHandle(created.handle);
  });

  afterAll(async () => {
    await setDbHandle(undefined); // closes the handle
    await state.drop?.();
  });

  return {
    get db() {
      if (!state.handle) throw new Error("test database not ready (or skipped)");
      return state.handle.db;
    },
    get handle() {
      if (!state.handle) throw new Error("test database not ready (or skipped)");
      return state.handle;
    },
    get url() {
      if (!state.url) throw new Error("no connection URL: the test database is not ready, or is an in-process PGlite");
      return state.url;
    },
    skipped,
  };
}

async function createDatabase(
  target: ReturnType<typeof testDbTarget>,
): Promise<{ handle: DbHandle; url?: string; drop: () => Promise<void> }> {
  if (target === "pglite")
    return { handle: await openDb({ driver: "pglite", dataDir: "memory://" }), drop: async () => {} };
  const name = `storefront_test_${Date.now().toString(36)}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  if (target === "neon" && !url.password) url.password = "postgres"; // Neon's driver always sends a password
  const handle =
    target === "neon"
      ? await openDb({ driver: "neon", url: url.toString(), poolMax: 10, wsProxy: inject("neonWsProxy") })
      : await openDb({ driver: "pg", url: url.toString(), poolMax: 10 });
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
