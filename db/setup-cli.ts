// Migrates the database the environment points at and seeds the catalog when it is empty.
// Run by scripts/with-db.mjs before the app starts; safe to run again and again.
import { openDb } from "./client";
import { resolveDbConfig } from "./config";
import { migrateDb } from "./migrate";
import { countProducts, seedProducts } from "./seed";
import { storeCurrency } from "../lib/store";

const seed = !process.argv.includes("--no-seed");
const handle = await openDb(resolveDbConfig(process.env));
try {
  const started = Date.now();
  await migrateDb(handle);
  let seeded = 0;
  if (seed && (await countProducts(handle.db)) === 0) seeded = await seedProducts(handle.db, storeCurrency());
  console.log(`[db] migrated${seed ? `, ${seeded} products seeded` : ""} (${handle.driver}, ${Date.now() - started} ms)`);
} finally {
  await handle.close();
}
