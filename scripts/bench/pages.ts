// npm run bench:pages [-- --runs 5 --rebuild] [--throughput-only | --no-throughput] [--requests N --max-seconds S]
// Lighthouse part only: npm run bench:pages -- --no-throughput (5 runs per page is the default).
//
// Lighthouse (mobile preset, simulated throttling) on the storefront's key pages of a production build in
// headless Chromium, plus each page's first-load JS (gzip) and HTML weight, against a bare Next.js page built in
// the same run with the same next/react and measured the same number of times. The goal is relative, because a
// shared or slower machine lowers every score: each page's median at least the bare page's median in the same
// run, and 100 where bare reaches 100. Prints PASS/FAIL per budget and one "every page ≥ bare" line; exit 1 on
// any FAIL.
//
// Throughput: the same server answers keep-alive GETs from 127.0.0.1 at 16 and 64 connections (home, a product,
// the cart with lines, the login page, and a static JS chunk as the yardstick), bounded by count and time per
// measurement. It prints req/s, p50/p99, errors, each page's ratio to the static chunk measured in the same run,
// and the DB queries per view counted by a proxy between the app and PostgreSQL. Its goals are printed for
// reference, never checked: throughput on a shared machine is noise to a pass/fail line.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { seedProducts } from "@/db/seed";
import { buildBareNextApp } from "./lib/bare-next";
import { firstLoadJs, kb, staticScriptPaths } from "./lib/first-load-js";
import { fetchHtmlWeight } from "./lib/html-weight";
import { lighthouseMedian } from "./lib/lighthouse";
import { ensureProductionBuild, nextBin } from "./lib/next-app";
import { createPageFixtures, type PageFixtures } from "./lib/page-fixtures";
import {
  formatThroughputTable,
  measureThroughput,
  pickStaticChunk,
  type ThroughputRow,
  type ThroughputTarget,
} from "./lib/page-throughput";
import { reportChecks, reportLighthouse, type Bare, type Measured, type Route } from "./lib/page-report";
import { startPgQueryProxy, type PgQueryProxy } from "./lib/pg-query-counter";
import { assertPostgresReachable, createBenchDatabase } from "./lib/postgres";
import { freePort, machineLoad, startProcess, waitForHttp, type Started } from "./lib/processes";

const { values: args } = parseArgs({
  options: {
    // Five, as Lighthouse advises: one run on a shared machine can be off by a few points either way.
    runs: { type: "string", default: "5" },
    rebuild: { type: "boolean", default: false },
    /** Diagnosis: only the pages whose name contains this text. */
    only: { type: "string" },
    /** Diagnosis ("what if this were not there"): URL patterns Chromium blocks, e.g. --block '*.woff2'. */
    block: { type: "string", multiple: true, default: [] },
    "throughput-only": { type: "boolean", default: false },
    "no-throughput": { type: "boolean", default: false },
    /** Per page and connection count: the count bound of one throughput measurement… */
    requests: { type: "string", default: "2000" },
    /** …and its time bound (connections opened before the clock starts are not counted in either). */
    "max-seconds": { type: "string", default: "12" },
    /** Views per page before any measurement, off the clock: caches filled, code paths compiled. */
    warmup: { type: "string", default: "50" },
    connections: { type: "string", default: "16,64" },
  },
});
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-bench";
const RUNS = Math.max(1, Number(args.runs) || 1);
const LIGHTHOUSE = !args["throughput-only"];
const THROUGHPUT = !args["no-throughput"];
if (!LIGHTHOUSE && !THROUGHPUT) throw new Error("--throughput-only and --no-throughput leave nothing to measure");

function startApp(port: number, databaseUrl: string): Started {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    DATABASE_DRIVER: "pg",
    APP_URL: `http://localhost:${port}`,
    AUTH_SECRET: randomBytes(32).toString("hex"),
  };
  for (const key of Object.keys(env)) if (key.startsWith("PAYMOB_")) delete env[key];
  return startProcess(
    nextBin(),
    // localhost (loopback, as 127.0.0.1 is): bound to 127.0.0.1, Next 16.4 would fetch each proxy rewrite again over
    // HTTP (docs/architecture.md, "Languages"), and every English page would be measured with that extra hop.
    ["start", "-H", "localhost", "-p", String(port)],
    env,
    path.join(os.tmpdir(), "bench-pages-app.log"),
  );
}

async function measureApp(): Promise<{ measured: Measured[]; throughput: ThroughputRow[] }> {
  const db = await createBenchDatabase("pages");
  let proxy: PgQueryProxy | undefined;
  let app: Started | undefined;
  try {
    await db.withDb((conn) => seedProducts(conn, "EGP"));
    // Every query the app sends goes through the counting proxy, in both parts: one server, one configuration.
    proxy = await startPgQueryProxy(db.url);
    const port = await freePort();
    const origin = `http://localhost:${port}`;
    app = startApp(port, proxy.url);
    await waitForHttp(`${origin}/`, app, 60_000);
    const fixtures = await db.withDb((conn) => createPageFixtures(conn, origin));
    const measured = LIGHTHOUSE ? await measureLighthouse(origin, fixtures) : [];
    const throughput = THROUGHPUT ? await measurePageThroughput(origin, fixtures, proxy, app) : [];
    if (proxy.protocolErrors() > 0)
      console.warn(`⚠ the query-counting proxy dropped ${proxy.protocolErrors()} connection(s) it could not parse`);
    return { measured, throughput };
  } finally {
    await app?.stop();
    await proxy?.close();
    await db.drop();
  }
}

async function measureLighthouse(origin: string, fixtures: PageFixtures): Promise<Measured[]> {
  const routes: Route[] = [
    { name: "home", path: "/" },
    { name: "product", path: `/products/${fixtures.productSlug}` },
    { name: "cart (3 items)", path: "/cart", cookie: fixtures.cartCookie },
    { name: "checkout (form, redirect mode)", path: "/checkout", cookie: fixtures.cartCookie },
    {
      name: "checkout (Pixel page)",
      path: `/checkout/pay/${fixtures.pixelAttemptId}`,
      cookie: `${fixtures.visitorCookie}; ${fixtures.cartCookie}`,
    },
    // The Arabic pages: the same store right to left, with the Arabic font's faces (issue 17 asks /ar at English's level).
    { name: "home (ar)", path: "/ar" },
    { name: "product (ar)", path: `/ar/products/${fixtures.productSlug}` },
    { name: "checkout (ar, form)", path: "/ar/checkout", cookie: fixtures.cartCookie },
  ];
  const measured: Measured[] = [];
  for (const route of routes.filter((r) => !args.only || r.name.includes(args.only))) {
    const headers: Record<string, string> = route.cookie ? { Cookie: route.cookie } : {};
    const js = await firstLoadJs(`${origin}${route.path}`, headers);
    const html = await fetchHtmlWeight(`${origin}${route.path}`, headers);
    const score = await lighthouseMedian(`${origin}${route.path}`, RUNS, headers, args.block);
    const report = path.join(os.tmpdir(), `bench-pages-${route.name.replace(/\W+/g, "-")}.json`);
    fs.writeFileSync(report, score.report);
    console.log(`  measured ${route.name}: performance ${score.all.join(", ")} (median run's report: ${report})`);
    measured.push({ ...route, js, html, score });
  }
  return measured;
}

async function measurePageThroughput(
  origin: string,
  fixtures: PageFixtures,
  proxy: PgQueryProxy,
  app: Started,
): Promise<ThroughputRow[]> {
  const home = await fetch(`${origin}/`, { signal: AbortSignal.timeout(30_000) });
  const chunk = await pickStaticChunk(origin, [...staticScriptPaths(await home.text())]);
  const targets: ThroughputTarget[] = [
    { name: "static asset", path: chunk.path, kind: "static" },
    { name: "home", path: "/", kind: "catalog" },
    { name: "product", path: `/products/${fixtures.productSlug}`, kind: "catalog" },
    { name: "cart (3 items)", path: "/cart", cookie: fixtures.cartCookie, kind: "visitor" },
    { name: "login", path: "/login", kind: "visitor" },
  ].filter((t) => t.kind === "static" || !args.only || t.name.includes(args.only)) as ThroughputTarget[];
  const concurrencies = args.connections.split(",").map((c) => Math.max(1, Number(c) || 1));
  const requests = Math.max(1, Number(args.requests) || 1);
  const maxSeconds = Math.max(1, Number(args["max-seconds"]) || 1);
  const warmupPerPage = Math.max(0, Number(args.warmup) || 0);
  const load = machineLoad();
  console.log(
    `\nthroughput: keep-alive GETs from 127.0.0.1 at ${concurrencies.join(" and ")} connections, ${requests} requests or ${maxSeconds} s per page and connection count, after ${warmupPerPage} warm-up views per page; machine ${load.cores} cores, 1-min load ${load.load1.toFixed(2)}`,
  );
  console.log(`static asset: ${chunk.path} (${kb(chunk.bytes)}), served by the same next start`);
  return measureThroughput(
    {
      origin,
      targets,
      concurrencies,
      requests,
      maxSeconds,
      warmupPerPage,
      proxy,
      serverPid: app.child.pid,
      serverGone: () => {
        const { exitCode, signalCode } = app.child;
        if (signalCode !== null) return `killed by ${signalCode} (see ${app.logFile})`;
        return exitCode === null ? null : `exited with ${exitCode} (see ${app.logFile})`;
      },
    },
    console.log,
  );
}

async function measureBare(): Promise<Bare> {
  const bare = await buildBareNextApp();
  let server: Started | undefined;
  try {
    const port = await freePort();
    server = startProcess(
      nextBin(),
      ["start", "-H", "127.0.0.1", "-p", String(port), bare.dir],
      { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: "" },
      path.join(os.tmpdir(), "bench-pages-bare.log"),
    );
    await waitForHttp(`http://127.0.0.1:${port}/`, server, 60_000);
    const url = `http://127.0.0.1:${port}/`;
    const js = await firstLoadJs(url);
    const html = await fetchHtmlWeight(url);
    // As many runs as each page: one run of the yardstick against a median of five is not the same run.
    const score = await lighthouseMedian(url, RUNS, {});
    console.log(`  measured bare: performance ${score.all.join(", ")}`);
    return { ...js, html, score };
  } finally {
    await server?.stop();
    bare.remove();
  }
}

async function main() {
  await assertPostgresReachable();
  const load = machineLoad();
  console.log(
    `machine: ${load.cores} cores, 1-min load ${load.load1.toFixed(2)}${load.load1 > load.cores ? `  ⚠ busy machine: ${LIGHTHOUSE ? "Lighthouse's simulated timings" : "throughput"} will suffer` : ""}`,
  );
  await ensureProductionBuild(DIST_DIR, args.rebuild);
  const bare = LIGHTHOUSE ? await measureBareAndSay() : undefined;
  const { measured: pages, throughput } = await measureApp();
  if (throughput.length > 0) reportThroughput(throughput);
  if (!bare) {
    console.log(`machine load after: ${machineLoad().load1.toFixed(2)} (1-min)`);
    return;
  }

  reportLighthouse(bare, pages);
  const passed = reportChecks(bare, pages);
  console.log(`machine load after: ${machineLoad().load1.toFixed(2)} (1-min)`);
  if (!passed) process.exit(1);
}

async function measureBareAndSay(): Promise<Bare> {
  console.log("building a bare Next.js app (same next/react) for the first-load JS yardstick…");
  const bare = await measureBare();
  console.log(
    `bare Next.js page: ${bare.scripts} scripts, ${kb(bare.rawBytes)} raw, ${kb(bare.gzipBytes)} gzip; performance ${bare.score.performance} (median of ${RUNS})`,
  );
  console.log(`measuring ${RUNS} Lighthouse run(s) per page (median reported)…`);
  return bare;
}

function reportThroughput(rows: ThroughputRow[]): void {
  console.log(`\n${formatThroughputTable(rows)}`);
  console.log(
    "× static: the page's req/s over the static chunk's at the same connection count in this run. DB queries/view: statements PostgreSQL received per measured view (simple queries + Executes), counted by a proxy between the app and the database. Server CPU/view: CPU of the next start process tree per view.",
  );
  console.log("goal (reference, not checked): catalog pages (home, product) ≥ 0.5× static, 0 DB queries per warm view");
  console.log(
    "goal (reference, not checked): visitor pages (cart, login) ≥ 10× their req/s before the Cache Components change",
  );
  const file = path.join(os.tmpdir(), "bench-pages-throughput.json");
  fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), distDir: DIST_DIR, rows }, null, 2));
  console.log(`rows as JSON: ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
