import { defineConfig } from "drizzle-kit";
import { EMULATOR_MIGRATIONS } from "./db/migration-config";

// The emulator's own drizzle-kit config (the top-level drizzle.config.ts is the app's). From the repository root:
//   npx drizzle-kit generate --config lib/emulator/drizzle.config.ts --name <what>
// The emulator applies what this generates by itself, on first use (db/migrate.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/emulator/db/schema.ts",
  out: "./lib/emulator/db/migrations",
  schemaFilter: [EMULATOR_MIGRATIONS.migrationsSchema],
  migrations: { schema: EMULATOR_MIGRATIONS.migrationsSchema, table: EMULATOR_MIGRATIONS.migrationsTable },
  strict: true,
});
