import path from "node:path";
import { EMULATOR_DB_SCHEMA } from "./schema";

/** Where the emulator's migrations live and where it records them: all inside its own Postgres schema. */
export const EMULATOR_MIGRATIONS = {
  migrationsFolder: path.join(process.cwd(), "lib", "emulator", "db", "migrations"),
  migrationsSchema: EMULATOR_DB_SCHEMA,
  migrationsTable: "__drizzle_migrations",
};
