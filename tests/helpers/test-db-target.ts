/** Which database the integration suite runs on: TEST_DB=pglite (default) | pg | neon. */
export type TestDbTarget = "pglite" | "pg" | "neon";

export function testDbTarget(): TestDbTarget {
  const value = process.env.TEST_DB ?? "pglite";
  if (value !== "pglite" && value !== "pg" && value !== "neon")
    throw new Error(`TEST_DB must be pglite, pg or neon (got ${value})`);
  return value;
}

/** The PostgreSQL server the pg and neon runs use; a fresh database is created on it per test file. */
export const TEST_PG_ADMIN_URL = process.env.TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
