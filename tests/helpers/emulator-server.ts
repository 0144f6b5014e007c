import http from "node:http";
import type { AddressInfo } from "node:net";
import { handleEmulatorRequest } from "@/lib/emulator";
import { EMULATOR_MOUNT } from "@/lib/paymob/emulator-credentials";

export type EmulatorServer = {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** origin + mount: what a Paymob client config uses as its baseUrl. */
  baseUrl: string;
  /** Waits for the work the emulator deferred after its responses (callback pumps), bounded. */
  settle: (timeoutMs?: number) => Promise<void>;
  close: () => Promise<void>;
};

/**
 * Serves `handleEmulatorRequest` over real HTTP on 127.0.0.1 (random port): node request → Web Request,
 * Web Response → node response. Deferred work is tracked like a platform's waitUntil.
 */
export async function startEmulatorServer(): Promise<EmulatorServer> {
  const pending = new Set<Promise<unknown>>();
  const server = http.createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) for (const v of value) headers.append(key, v);
        else if (value !== undefined) headers.set(key, value);
      }
      const body = chunks.length > 0 && req.method !== "GET" && req.method !== "HEAD" ? Buffer.concat(chunks) : undefined;
      const request = new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body });
      const response = await handleEmulatorRequest(request, {
        basePath: EMULATOR_MOUNT,
        waitUntil: (promise) => {
          pending.add(promise);
          void promise.finally(() => pending.delete(promise));
        },
      });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    baseUrl: `${origin}${EMULATOR_MOUNT}`,
    settle: async (timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while (pending.size > 0 && Date.now() < deadline) {
        await Promise.race([Promise.allSettled([...pending]), new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]);
      }
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
