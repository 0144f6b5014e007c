import { assertValidEnv, EnvError } from "./env";
import { logger } from "./logger";
import { startOrderEmailSweep } from "./mail/schedule";
import { ensureEmbeddedDatabaseReady } from "../db/ensure-ready";

/** Validates the environment once, then readies an app-owned embedded database. */
export async function onServerStart(): Promise<void> {
  try {
    assertValidEnv();
  } catch (error) {
    // Refuse to start rather than serve errors: the message names each variable to fix.
    if (error instanceof EnvError && !process.env.VERCEL) {
      logger.fatal({ scope: "env" }, error.message);
      process.exit(1);
    }
    throw error;
  }
  await ensureEmbeddedDatabaseReady();
  startOrderEmailSweep();
}
