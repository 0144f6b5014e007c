import http from "node:http";
import { listenOnLoopback } from "./loopback-server";

export type ReceivedCallback = { path: string; query: URLSearchParams; body: string; json: unknown };

export type CallbackReceiver = {
  /** Base URL to use as notification_url (append a path to tell intentions apart). */
  url: string;
  received: ReceivedCallback[];
  /** Status the receiver answers with (to exercise retries); default 200. */
  respondWith: (status: number) => void;
  /**
   * Resolves once `predicate` holds for the received list, checked on each arrival (no polling, no deadline
   * of its own: the test's timeout bounds it).
   */
  waitFor: (predicate: (all: ReceivedCallback[]) => boolean) => Promise<ReceivedCallback[]>;
  close: () => Promise<void>;
};

/** A merchant's callback endpoint stand-in on 127.0.0.1: records every POST exactly as received. */
export async function startCallbackReceiver(): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  const waiters = new Set<() => void>();
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
    received.push({ path: url.pathname, query: url.searchParams, body, json });
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: status < 300 }));
    for (const wake of [...waiters]) wake();
  });
  const { origin, close } = await listenOnLoopback(server);
  return {
    url: origin,
    received,
    respondWith: (s) => {
      status = s;
    },
    waitFor: (predicate) =>
      new Promise((resolve) => {
        const check = () => {
          if (!predicate(received)) return;
          waiters.delete(check);
          resolve(received);
        };
        waiters.add(check);
        check();
      }),
    close,
  };
}
