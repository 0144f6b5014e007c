import http from "node:http";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstLoadJs } from "@/scripts/bench/lib/first-load-js";
import { runGetLoad, summarizeGets } from "@/scripts/bench/lib/http-load";
import { startPgQueryProxy, type PgQueryProxy } from "@/scripts/bench/lib/pg-query-counter";
// The embedded server `npm start` puts in front of PGlite: PostgreSQL's own backend speaking its wire protocol, so
// this file needs no PostgreSQL server running.
import { startEmbeddedDbServer } from "../../../scripts/embedded-db-server.mjs";
import { listenOnLoopback, type LoopbackServer } from "../../helpers/loopback-server";

// bench:pages compares each page's first-load JS with a bare Next page: what it counts decides that budget.

const A = "console.log('a');".repeat(200);
const B = "export const b = 1;".repeat(50);
const FILES: Record<string, string> = {
  "/_next/static/chunks/a.js": A,
  "/_next/static/chunks/b.js": B,
  "/other/c.js": "nope",
};
const PAGE = `<!doctype html><html><head>
<link rel="preload" as="script" href="/_next/static/chunks/a.js?dpl=1"/>
<script src="/_next/static/chunks/a.js" async></script>
<script src='/_next/static/chunks/b.js'></script>
<script src="/other/c.js"></script>
<link rel="stylesheet" href="/_next/static/chunks/x.css"/>
</head><body><script>self.__next_f.push([1,"no src here"])</script></body></html>`;

let server: LoopbackServer | undefined;
let origin = "";

beforeAll(async () => {
  const handler = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/page") return void res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
    const file = FILES[path];
    res.writeHead(file === undefined ? 404 : 200).end(file ?? "");
  });
  server = await listenOnLoopback(handler);
  origin = server.origin;
});
afterAll(() => server?.close());

describe("bench:pages first-load JS", () => {
  it("sums each /_next/static script the HTML references once, gzipped, and nothing else", async () => {
    const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;
    expect(await firstLoadJs(`${origin}/page`)).toEqual({
      scripts: 2,
      rawBytes: A.length + B.length,
      gzipBytes: gz(A) + gz(B),
    });
  });

  it("fails loudly when the page does not answer 200", async () => {
    await expect(firstLoadJs(`${origin}/missing`)).rejects.toThrow(/answered 404/);
  });
});

describe("bench:pages throughput load", () => {
  it("sends warm-up then measured GETs with the cookie over at most N kept-alive connections, non-2xx as errors", async () => {
    const seen: Array<{ method?: string; cookie?: string }> = [];
    let connections = 0;
    const handler = http.createServer((req, res) => {
      seen.push({ method: req.method, cookie: req.headers.cookie });
      // Every 10th request fails, and one redirects: neither is the page the benchmark meant to measure.
      const status = seen.length % 10 === 0 ? 500 : seen.length === 33 ? 307 : 200;
      res.writeHead(status, { "content-type": "text/html" }).end("<p>page</p>");
    });
    handler.on("connection", () => connections++);
    const target = await listenOnLoopback(handler);
    try {
      const result = await runGetLoad({
        origin: target.origin,
        path: "/cart",
        cookie: "sf_cart=abc",
        requests: 40,
        warmupRequests: 5,
        concurrency: 4,
        maxSeconds: 600,
        timeoutMs: 30_000,
      });
      expect([result.warmup.length, result.measured.length, result.stoppedByDeadline]).toEqual([5, 40, false]);
      expect(seen).toHaveLength(45);
      expect(seen.every((r) => r.method === "GET" && r.cookie === "sf_cart=abc")).toBe(true);
      expect(connections).toBeLessThanOrEqual(4);
      // The warm-up (requests 1–5) is answered before any measured request is sent, so the failures are all measured.
      expect(summarizeGets(result)).toMatchObject({ requests: 40, errors: 5, errorKinds: { "500": 4, "307": 1 } });
    } finally {
      await target.close();
    }
  });

  it("refuses to load anything but loopback", async () => {
    await expect(
      runGetLoad({
        origin: "http://192.0.2.1:80",
        path: "/",
        requests: 1,
        warmupRequests: 0,
        concurrency: 1,
        maxSeconds: 1,
        timeoutMs: 100,
      }),
    ).rejects.toThrow(/non-loopback/);
  });
});

describe("bench:pages DB queries per view, counted by a proxy in front of PostgreSQL", () => {
  let db: { url: string; stop: () => Promise<void> };
  let proxy: PgQueryProxy;
  let client: pg.Client;

  beforeAll(async () => {
    db = await startEmbeddedDbServer({ dataDir: "memory://" });
    proxy = await startPgQueryProxy(db.url);
    client = new pg.Client({ connectionString: proxy.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await proxy?.close();
    await db?.stop();
  });

  /** Queries the proxy saw while `work` ran, by kind. */
  const countDuring = async (work: () => Promise<unknown>) => {
    const before = proxy.counts();
    await work();
    const after = proxy.counts();
    return { simple: after.simple - before.simple, execute: after.execute - before.execute };
  };

  it("counts a plain query once, as a simple query", async () => {
    expect(await countDuring(() => client.query("select 1"))).toEqual({ simple: 1, execute: 0 });
  });

  it("counts a parameterised query once, as an Execute", async () => {
    const result = await countDuring(async () => {
      const { rows } = await client.query("select $1::int + 1 as n", [41]);
      expect(rows[0].n).toBe(42);
    });
    expect(result).toEqual({ simple: 0, execute: 1 });
  });

  it("counts every run of a prepared statement, not its one preparation", async () => {
    const query = { name: "bench-answer", text: "select $1::text as v" };
    expect(
      await countDuring(async () => {
        await client.query({ ...query, values: ["a"] });
        await client.query({ ...query, values: ["b"] });
        await client.query({ ...query, values: ["c"] });
      }),
    ).toEqual({ simple: 0, execute: 3 });
  });

  it("passes results through intact, large ones included", async () => {
    const { rows } = await client.query("select repeat('x', 200000) as big, $1::text as tag", ["t"]);
    expect([rows[0].big.length, rows[0].tag]).toEqual([200_000, "t"]);
    expect(proxy.protocolErrors()).toBe(0);
  });

  it("keeps the stream readable: a client that asks for TLS is told the server has none", async () => {
    const tls = new pg.Client({ connectionString: proxy.url, ssl: { rejectUnauthorized: false } });
    await expect(tls.connect()).rejects.toThrow(/does not support SSL/);
  });
});
