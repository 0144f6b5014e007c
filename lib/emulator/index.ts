import "server-only";
import { getDb } from "@/db/client";
import { pumpDeliveries } from "./deliveries";
import { detail, type EmuContext } from "./http";
import { routes } from "./routes";
import { emulatorEnabled } from "./settings";
import { staticAsset } from "./pixel/assets";

export { pumpDeliveries, pumpFor } from "./deliveries";
export { TEST_CARDS, TEST_WALLET, THREE_DS_OTP } from "./cards";

export type EmulatorRequestContext = { basePath: string; waitUntil?: (p: Promise<unknown>) => void };

/**
 * The built-in Paymob emulator: Paymob's wire contract (paths, bodies, signatures) below `basePath`.
 * Framework-independent: a Web `Request` in, a `Response` out. Unreachable (404) once real keys are configured.
 */
export async function handleEmulatorRequest(request: Request, context: EmulatorRequestContext): Promise<Response> {
  if (!emulatorEnabled()) return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain" } });
  const url = new URL(request.url);
  const basePath = context.basePath.replace(/\/+$/, "");
  if (!url.pathname.startsWith(basePath)) return new Response("Not Found", { status: 404 });
  const path = url.pathname.slice(basePath.length) || "/";

  const asset = staticAsset(path);
  if (asset) return asset; // no database needed for the Pixel script and styles

  const found = routes.match(request.method, path);
  if (!found) return detail(404, "Not found.");
  if ("allowed" in found) return new Response(JSON.stringify({ detail: `Method "${request.method}" not allowed.` }), { status: 405, headers: { allow: found.allowed.join(", "), "content-type": "application/json" } });

  const defer = (task: () => Promise<unknown>) => {
    const promise = task().catch((error: unknown) => console.error("[paymob-emulator] background work failed:", error));
    context.waitUntil?.(promise);
  };
  const db = await getDb();
  const ctx: EmuContext = { request, url, path, base: `${url.origin}${basePath}`, db, defer };
  // Opportunistic pump: every emulator request also delivers callbacks that fell due (delays, retries),
  // which is how delayed callbacks go out on serverless hosts that have no timers.
  defer(() => pumpDeliveries(db));
  try {
    return await found.handler(ctx, found.params);
  } catch (error) {
    console.error(`[paymob-emulator] ${request.method} ${path} failed:`, error);
    return detail(500, "The emulator hit an internal error; see the server log.");
  }
}
