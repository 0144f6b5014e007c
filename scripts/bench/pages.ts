// npm run bench:pages [-- --runs 5 --rebuild]
//
// Lighthouse (mobile preset, simulated throttling) on the storefront's key pages of a production build in
// headless Chromium, plus each page's first-load JS (gzip) against a bare Next.js page built in the same run
// with the same next/react. Prints PASS/FAIL per budget; exit 1 on any FAIL.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { seedProducts } from "@/db/seed";
import { buildBareNextApp } from "./lib/bare-next";
import { firstLoadJs, kb, type FirstLoadJs } from "./lib/first-load-js";
import { lighthouseMedian, type PageScore } from "./lib/lighthouse";
import { ensureProductionBuild, nextBin } from "./lib/next-app";
import { createPageFixtures } from "./lib/page-fixtures";
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
  },
});
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-bench";
const RUNS = Math.max(1, Number(args.runs) || 1);
const JS_BUDGET_OVER_BARE = 15 * 1024;

type Route = { name: string; path: string; cookie?: string; minScore: number };
type Measured = Route & { score: PageScore & { all: number[] }; js: FirstLoadJs };

function startApp(port: number, databaseUrl: string): Started {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    DATABASE_DRIVER: "pg",
    APP_URL: `http://127.0.0.1:${port}`,
    AUTH_SECRET: randomBytes(32).toString("hex"),
  };
  for (const key of Object.keys(env)) if (key.startsWith("PAYMOB_")) delete env[key];
  return startProcess(
    nextBin(),
    ["start", "-H", "127.0.0.1", "-p", String(port)],
    env,
    path.join(os.tmpdir(), "bench-pages-app.log"),
  );
}

async function measureApp(): Promise<Measured[]> {
  const db = await createBenchDatabase("pages");
  let app: Started | undefined;
  try {
    await db.withDb((conn) => seedProducts(conn, "EGP"));
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    app = startApp(port, db.url);
    await waitForHttp(`${origin}/`, app, 60_000);
    const fixtures = await db.withDb((conn) => createPageFixtures(conn, origin));
    const routes: Route[] = [
      { name: "home", path: "/", minScore: 100 },
      { name: "product", path: `/products/${fixtures.productSlug}`, minScore: 100 },
      { name: "cart (3 items)", path: "/cart", cookie: fixtures.cartCookie, minScore: 100 },
      { name: "checkout (form, redirect mode)", path: "/checkout", cookie: fixtures.cartCookie, minScore: 95 },
      {
        name: "checkout (Pixel page)",
        path: `/checkout/pay/${fixtures.pixelAttemptId}`,
        cookie: `${fixtures.visitorCookie}; ${fixtures.cartCookie}`,
        minScore: 95,
      },
    ];
    const measured: Measured[] = [];
    for (const route of routes.filter((r) => !args.only || r.name.includes(args.only))) {
      const headers: Record<string, string> = route.cookie ? { Cookie: route.cookie } : {};
      const js = await firstLoadJs(`${origin}${route.path}`, headers);
      const score = await lighthouseMedian(`${origin}${route.path}`, RUNS, headers, args.block);
      const report = path.join(os.tmpdir(), `bench-pages-${route.name.replace(/\W+/g, "-")}.json`);
      fs.writeFileSync(report, score.report);
      console.log(`  measured ${route.name}: performance ${score.all.join(", ")} (median run's report: ${report})`);
      measured.push({ ...route, js, score });
    }
    return measured;
  } finally {
    await app?.stop();
    await db.drop();
  }
}

async function measureBare(): Promise<FirstLoadJs & { score: PageScore & { all: number[] } }> {
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
    const js = await firstLoadJs(`http://127.0.0.1:${port}/`);
    return { ...js, score: await lighthouseMedian(`http://127.0.0.1:${port}/`, 1, {}) };
  } finally {
    await server?.stop();
    bare.remove();
  }
}

async function main() {
  await assertPostgresReachable();
  const load = machineLoad();
  console.log(
    `machine: ${load.cores} cores, 1-min load ${load.load1.toFixed(2)}${load.load1 > load.cores ? "  ⚠ busy machine: Lighthouse's simulated timings will suffer" : ""}`,
  );
  await ensureProductionBuild(DIST_DIR, args.rebuild);
  console.log("building a bare Next.js app (same next/react) for the first-load JS yardstick…");
  const bare = await measureBare();
  console.log(
    `bare Next.js page: ${bare.scripts} scripts, ${kb(bare.rawBytes)} raw, ${kb(bare.gzipBytes)} gzip; performance ${bare.score.performance}`,
  );
  console.log(`measuring ${RUNS} Lighthouse run(s) per page (median reported)…`);
  const pages = await measureApp();

  console.log(`\n${"page".padEnd(32)} perf   LCP       TBT      CLS     first-load JS (gzip)`);
  for (const p of pages) {
    const { score, js } = p;
    console.log(
      `${p.name.padEnd(32)} ${String(score.performance).padStart(4)}  ${(score.lcpMs / 1000).toFixed(2).padStart(5)} s  ${score.tbtMs.toFixed(0).padStart(5)} ms  ${score.cls.toFixed(3)}   ${kb(js.gzipBytes).padStart(9)} (${js.scripts} scripts, +${kb(js.gzipBytes - bare.gzipBytes)} over bare)`,
    );
  }
  console.log("");
  const checks = pages.flatMap((p) => [
    {
      ok: p.score.performance >= p.minScore,
      line: `[${p.name}] performance ${p.score.performance} (budget ${p.minScore === 100 ? "100" : `≥ ${p.minScore}`})`,
    },
    {
      ok: p.js.gzipBytes - bare.gzipBytes <= JS_BUDGET_OVER_BARE,
      line: `[${p.name}] first-load JS ${kb(p.js.gzipBytes)} = bare ${kb(bare.gzipBytes)} + ${kb(p.js.gzipBytes - bare.gzipBytes)} (budget +${kb(JS_BUDGET_OVER_BARE)})`,
    },
  ]);
  for (const c of checks) console.log(`${c.ok ? "PASS" : "FAIL"} ${c.line}`);
  console.log(`machine load after: ${machineLoad().load1.toFixed(2)} (1-min)`);
  if (checks.some((c) => !c.ok)) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
