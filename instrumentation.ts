// Runs once when a server instance starts (never during `next build`). Node-only work lives in its own
// module so the Edge bundle of this file stays empty.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { onServerStart } = await import("./lib/server-start");
    await onServerStart();
  }
}
