// `npm run db:seed`: adds any missing demo products. Goes through the running embedded server if there is one.
import { openDb } from "./client";
import { resolveDbConfig } from "./config";
import { seedProducts } from "./seed";
import { storeCurrency } from "../lib/store";

const handle = await openDb(resolveDbConfig(process.env));
try {
  const added = await seedProducts(handle.db, storeCurrency());
  console.log(`[db] seed: ${added} products added`);
} finally {
  await handle.close();
}
