import { getDbHandle, type Db, type DbHandle } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { EMULATOR_MIGRATIONS } from "./migration-config";

// The emulator creates its own tables, on first use: the app's setup never migrates them, so deleting
// lib/emulator (and its route) removes every trace from the code. Once per connection and process.
const migrated = new WeakMap<Db, Promise<void>>();

/** Applies the emulator's migrations to this database (memoised; a failed attempt is retried on the next call). */
export function migrateEmulatorDb(handle: DbHandle): Promise<void> {
  let done = migrated.get(handle.db);
  if (!done) {
    done = migrateDb(handle, EMULATOR_MIGRATIONS).catch((error: unknown) => {
      // Another process migrating the same database at the same moment can make this one fail; the next request tries again.
      migrated.delete(handle.db);
      throw error;
    });
    migrated.set(handle.db, done);
  }
  return done;
}

/** The app's shared connection, with the emulator's tables in place. */
export async function emulatorDb(): Promise<Db> {
  const handle = await getDbHandle();
  await migrateEmulatorDb(handle);
  return handle.db;
}
