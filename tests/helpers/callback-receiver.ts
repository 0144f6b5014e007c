import http from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedCallback = { path: string; query: URLSearchParams; body: string; json: unknown; receivedAt: number };

export type CallbackReceiver = {
  /** Base URL to use as notification_url (append a path to tell intentions apart). */
  url: string;
  received: ReceivedCallback[];
  /** Status the receiver answers with (to exercise retries); default 200. */
  respondWith: (status: number) => void;
  /** Resolves once `predicate` holds for the received list, or rejects after `timeoutMs`. */
  waitFor: (predicate: (all: ReceivedCallback[]) => boolean, timeoutMs?: number) => Promise<ReceivedCallback[]>;
  close: () => Promise<void>;
};

/** A merchant's callback endpoint stand-in on 127.0.0.1: records every POST exactly as received. */
export async function startCallbackReceiver(): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  let status = 200;
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://receiver");
    let json: unknown = null;
    try {
      json = JSON.parse(body);
    } catch {
      /* recorded as-is */
    }
    received.push({ path: url.pathname, query: url.searchParams, body, json, receivedAt: Date.now() });
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: status < 300 }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    respondWith: (s) => {
      status = s;
    },
    waitFor: async (predicate, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline) throw new Error(`callback receiver: condition not met within ${timeoutMs} ms (${received.length} received)`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
