import "server-only";
import type { Hono } from "hono";
import { staticAsset } from "./pixel/assets";
import { emulatorRoutes, type EmulatorEnv } from "./routes";
import { emulatorEnabled } from "./settings";

export type EmulatorRequestContext = { basePath: string; waitUntil?: (p: Promise<unknown>) => void };

const apps = new Map<string, Hono<EmulatorEnv>>();

/**
 * The built-in Paymob emulator: Paymob's wire contract (paths, bodies, signatures) below `basePath`.
 * Framework-independent: a Web `Request` in, a `Response` out. Unreachable (404) once real keys are configured.
 */
export async function handleEmulatorRequest(request: Request, context: EmulatorRequestContext): Promise<Response> {
  if (!emulatorEnabled()) return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain" } });
  const basePath = context.basePath.replace(/\/+$/, "");
  const { pathname } = new URL(request.url);
  if (!pathname.startsWith(basePath)) return new Response("Not Found", { status: 404 });
  const asset = staticAsset(pathname.slice(basePath.length));
  if (asset) return asset; // the Pixel script and styles, for any method: no database needed
  let app = apps.get(basePath);
  if (!app) apps.set(basePath, (app = emulatorRoutes(basePath)));
  return app.fetch(request, { basePath, waitUntil: context.waitUntil });
}
