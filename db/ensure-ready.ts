import { getDbHandle } from "./client";
import { migrateDb } from "./migrate";
import { countProducts, seedProducts } from "./seed";
import { logger } from "../lib/logger";
import { storeCurrency } from "../lib/store";

/**
 * When the app itself owns an embedded PGlite folder (started with plain `next dev`, not through
 * scripts/with-db.mjs), it creates, migrates and seeds it on boot. Servers (PostgreSQL, Neon) are never
 * migrated at runtime: scripts/with-db.mjs does it locally and the deploy step does it in production.
 */
export async function ensureEmbeddedDatabaseReady(): Promise<void> {
  const handle = await getDbHandle();
  if (handle.driver !== "pglite") return;
  const started = Date.now();
  await migrateDb(handle);
  const seeded = (await countProducts(handle.db)) === 0 ? await seedProducts(handle.db, storeCurrency()) : 0;
  logger.info({ scope: "db", ms: Date.now() - started, seeded }, "embedded database ready");
}
