// Runs once when a server instance starts (never during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertValidEnv, EnvError } = await import("./lib/env");
  try {
    assertValidEnv();
  } catch (error) {
    // Refuse to start rather than serve errors: the message names each variable to fix.
    if (error instanceof EnvError && !process.env.VERCEL) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const { ensureEmbeddedDatabaseReady } = await import("./db/ensure-ready");
  await ensureEmbeddedDatabaseReady();
}
