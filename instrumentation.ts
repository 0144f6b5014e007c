// Runs once when a server instance starts (never during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureEmbeddedDatabaseReady } = await import("./db/ensure-ready");
  await ensureEmbeddedDatabaseReady();
}
