import { defineConfig } from "drizzle-kit";

// `npm run db:generate` needs no database. `db:migrate` / `db:studio` run through scripts/with-db.mjs,
// which sets DATABASE_URL (to the embedded PGlite server when none is configured).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres" },
  strict: true,
});
