import http from "node:http";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstLoadJs } from "@/scripts/bench/lib/first-load-js";
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
