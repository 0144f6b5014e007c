// Migrates the database the environment points at and seeds the catalog when it is empty. Safe to rerun.
// Run by scripts/with-db.mjs before the app starts locally, and by `npm run vercel-build` at deploy time
// (`--deploy`: a real DATABASE_URL is required, and Neon's unpooled URL is preferred for DDL).
import { openDb } from "./client";
import { resolveDbConfig } from "./config";
import { migrateDb } from "./migrate";
import { countProducts, seedProducts } from "./seed";
import { storeCurrency } from "../lib/store";

const seed = !process.argv.includes("--no-seed");
const deploy = process.argv.includes("--deploy");
const env = { ...process.env };
if (deploy) {
  if (!env.DATABASE_URL) {
    console.error(
      "[db] DATABASE_URL is not set. A deployment needs a real database: add the Neon integration in Vercel (Storage → Neon), which sets it.",
    );
    process.exit(1);
  }
  if (env.DATABASE_URL_UNPOOLED) env.DATABASE_URL = env.DATABASE_URL_UNPOOLED;
}

const handle = await openDb(resolveDbConfig(env));
try {
  const started = Date.now();
  await migrateDb(handle);
  let seeded = 0;
  if (seed && (await countProducts(handle.db)) === 0) seeded = await seedProducts(handle.db, storeCurrency());
  console.log(
    `[db] migrated${seed ? `, ${seeded} products seeded` : ""} (${handle.driver}, ${Date.now() - started} ms)`,
  );
} finally {
  await handle.close();
}
