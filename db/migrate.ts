import path from "node:path";
import type { MigrationConfig } from "drizzle-orm/migrator";
import type { DbHandle } from "./client";

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/**
 * Applies committed drizzle-kit migrations; the same files run on PGlite, PostgreSQL and Neon. By default the
 * app's own; a self-contained module that keeps its own migrations passes its folder and migrations table.
 */
export async function migrateDb(
  handle: DbHandle,
  config: MigrationConfig = { migrationsFolder: MIGRATIONS_FOLDER },
): Promise<void> {
  switch (handle.driver) {
    case "pglite": {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      return migrate(handle.db as never, config);
    }
    case "pg": {
      const { migrate } = await import("drizzle-orm/node-postgres/migrator");
      return migrate(handle.db as never, config);
    }
    case "neon": {
      const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
      return migrate(handle.db as never, config);
    }
  }
}
