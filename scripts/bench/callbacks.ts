// npm run bench:callbacks [-- --orders 2000 --concurrency 16 --max-seconds 120 --rebuild --only handler|baseline|ceiling|direct]
//
// Load test of POST /api/paymob/callback on a production build against local PostgreSQL, next to a minimal
// node:http + pg baseline doing the same work, both measured in this run on fresh databases with the same
// request mix, and next to an empty route in a bare Next app (what any Next route handler can reach on this
// machine). Afterwards both databases are checked: nothing lost, nothing doubled. Each server's CPU per request
// is read from /proc. Exit 1 when a correctness check fails, 2 when only a performance target is missed.
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { EMULATOR_HMAC_SECRET } from "@/lib/paymob/emulator-credentials";
import { formatCpuPerRequest, readCpu, type CpuReading } from "./lib/cpu";
import { runLoad } from "./lib/load";
import { buildBareCallbackApp, type BareApp } from "./lib/bare-next";
import { ensureProductionBuild, nextBin } from "./lib/next-app";
import { assertPostgresReachable, createBenchDatabase } from "./lib/postgres";
import { freePort, machineLoad, startProcess, waitForHttp, type Started } from "./lib/processes";
import { seedAwaitingOrders } from "./lib/seed-orders";
import { formatActivityPerRequest, readActivity } from "./lib/table-stats";
import { formatSummary, summarize, type Summary } from "./lib/stats";
import { formatChecks, verifyDatabase, type Check } from "./lib/verify-db";
import { attemptsFor, buildWorkload, type WorkloadShape } from "./lib/workload";

const { values: args } = parseArgs({
  options: {
    orders: { type: "string", default: "2000" },
    concurrency: { type: "string", default: "16" },
    "max-seconds": { type: "string", default: "120" },
    "pool-max": { type: "string", default: "10" },
    rebuild: { type: "boolean", default: false },
    /** Writes a V8 CPU profile of the measured server (next start) into this folder, on exit. */
    "cpu-prof": { type: "string" },
    only: { type: "string" },
  },
});

const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-bench";
const CALLBACK_PATH = "/api/paymob/callback";
const TARGETS = { verifiedPerSecond: 1_000, p99Ms: 50, baselineRatio: 0.5 };

const shape: WorkloadShape = {
  paidOrders: positive(args.orders, "--orders"),
  forgedOnlyOrders: Math.max(1, Math.round(positive(args.orders, "--orders") / 20)),
  duplicateRatio: 0.5,
  invalidRatio: 0.25,
  warmupOrders: 200,
};
const concurrency = positive(args.concurrency, "--concurrency");
const maxSeconds = positive(args["max-seconds"], "--max-seconds");
const poolMax = positive(args["pool-max"], "--pool-max");

type Target = {
  label: string;
  start: (port: number, databaseUrl: string, logFile: string) => Started;
  /** False for the ceiling: it touches no database, so there is nothing to check there. */
  writesDb: boolean;
};

/** The app itself: `next start` on the production build, in emulator mode (no PAYMOB_* keys). */
const handler: Target = {
  label: "handler (next start, POST /api/paymob/callback)",
  writesDb: true,
  start: (port, databaseUrl, logFile) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      DATABASE_DRIVER: "pg",
      DATABASE_POOL_MAX: String(poolMax),
      APP_URL: `http://127.0.0.1:${port}`,
      AUTH_SECRET: randomBytes(32).toString("hex"),
    };
    for (const key of Object.keys(env)) if (key.startsWith("PAYMOB_")) delete env[key];
    const start = ["start", "-H", "127.0.0.1", "-p", String(port)];
    // --cpu-prof is not allowed in NODE_OPTIONS: run Next's CLI script under node directly.
    if (args["cpu-prof"])
      return startProcess(
        process.execPath,
        [...profileFlags(), path.resolve("node_modules/next/dist/bin/next"), ...start],
        env,
        logFile,
      );
    return startProcess(nextBin(), start, env, logFile);
  },
};

/** The floor: scripts/bench/baseline-server.ts, node:http + pg, same SQL, same pool size. */
const baseline: Target = {
  label: "baseline (node:http + pg, same SQL)",
  writesDb: true,
  start: (port, databaseUrl, logFile) =>
    startProcess(
      process.execPath,
      [...profileFlags(), "--import", "tsx", "scripts/bench/baseline-server.ts"],
      {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        HMAC_SECRET: EMULATOR_HMAC_SECRET,
        POOL_MAX: String(poolMax),
      },
      logFile,
    ),
};

/** Diagnostic: the same route function without Next (scripts/bench/direct-server.ts). */
const direct: Target = {
  label: "direct (the route's POST on node:http, no Next)",
  writesDb: true,
  start: (port, databaseUrl, logFile) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATABASE_DRIVER: "pg",
      DATABASE_POOL_MAX: String(poolMax),
      APP_URL: `http://127.0.0.1:${port}`,
    };
    for (const key of Object.keys(env)) if (key.startsWith("PAYMOB_")) delete env[key];
    return startProcess(
      process.execPath,
      [...profileFlags(), "--conditions=react-server", "--import", "tsx", "scripts/bench/direct-server.ts"],
      env,
      logFile,
    );
  },
};

/**
 * The framework's ceiling: `next start` on a bare app whose POST /api/paymob/callback only reads the body and
 * answers JSON (scripts/bench/lib/bare-next.ts), same load. No route handler on this machine can beat it.
 */
let bareCallbackApp: BareApp | undefined;
const ceiling: Target = {
  label: "ceiling (next start, bare app, empty POST route)",
  writesDb: false,
  start: (port, _databaseUrl, logFile) => {
    if (!bareCallbackApp) throw new Error("the bare callback app is not built");
    return startProcess(
      nextBin(),
      ["start", "-H", "127.0.0.1", "-p", String(port), bareCallbackApp.dir],
      { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: "" },
      logFile,
    );
  },
};

async function measure(target: Target, key: string): Promise<{ summary: Summary; checks: Check[]; activity: string }> {
  const db = await createBenchDatabase(key);
  let server: Started | undefined;
  try {
    const attempts = await db.withDb((conn) =>
      seedAwaitingOrders(conn, attemptsFor(shape), randomBytes(3).toString("hex")),
    );
    const workload = buildWorkload(attempts, shape, EMULATOR_HMAC_SECRET);
    const before = await db.withDb(readActivity);
    const port = await freePort();
    const logFile = path.join(os.tmpdir(), `bench-callbacks-${key}.log`);
    server = target.start(port, db.url, logFile);
    await waitForHttp(`http://127.0.0.1:${port}${CALLBACK_PATH}`, server, 60_000);
    console.log(
      `${target.label}: ${workload.plan.length} requests (${workload.plan.filter((p) => p.warmup).length} warm-up), concurrency ${concurrency}, server log ${logFile}`,
    );
    const cpu: Partial<Record<"start" | "end", CpuReading | null>> = {};
    const serverPid = server.child.pid;
    const onMeasured = (phase: "start" | "end") => {
      cpu[phase] = readCpu(serverPid);
    };
    const result = await runLoad(workload.plan, {
      origin: `http://127.0.0.1:${port}`,
      path: CALLBACK_PATH,
      concurrency,
      maxSeconds,
      timeoutMs: 10_000,
      onMeasured,
    });
    await server.stop();
    server = undefined;
    // Read before the checks below add their own scans; the server's backends reported theirs on exit.
    const measuredRequests = result.samples.filter((s) => !s.warmup).length;
    const activity = `${formatCpuPerRequest(cpu.start ?? null, cpu.end ?? null, measuredRequests)}\n${formatActivityPerRequest(before, await db.withDb(readActivity), result.samples.length)}`;
    const checks = target.writesDb ? await db.withDb((conn) => verifyDatabase(conn, attempts, workload, result)) : [];
    return { summary: summarize(target.label, result), checks, activity };
  } finally {
    await server?.stop();
    await db.drop();
  }
}

async function main() {
  await assertPostgresReachable();
  const before = machineLoad();
  console.log(
    `machine: ${before.cores} cores, 1-min load ${before.load1.toFixed(2)}${before.load1 > before.cores ? "  ⚠ busy machine: numbers will be pessimistic" : ""}`,
  );
  const named: Record<string, Target> = { handler, baseline, direct, ceiling };
  const only = args.only === undefined ? undefined : named[args.only];
  if (args.only !== undefined && !only) throw new Error(`--only must be one of ${Object.keys(named).join(", ")}`);
  const targets = only ? [only] : [handler, baseline, ceiling];
  if (targets.includes(handler)) await ensureProductionBuild(DIST_DIR, args.rebuild);
  if (targets.includes(ceiling)) {
    console.log("building a bare Next.js app with an empty callback route (the framework's ceiling)…");
    bareCallbackApp = await buildBareCallbackApp();
  }
  const results = [];
  try {
    for (const target of targets)
      results.push({ target, name: targetName(target), ...(await measure(target, targetName(target))) });
  } finally {
    bareCallbackApp?.remove();
  }

  console.log("");
  for (const r of results) console.log(`${formatSummary(r.summary)}\n${r.activity}`);
  console.log("");
  for (const r of results) if (r.target.writesDb) console.log(formatChecks(r.name, r.checks));

  const perf: Check[] = [];
  const mine = results.find((r) => r.target === handler)?.summary;
  const floor = results.find((r) => r.target === baseline)?.summary;
  if (mine) {
    perf.push({
      name: `≥ ${TARGETS.verifiedPerSecond} verified callbacks/s`,
      ok: mine.verifiedPerSecond >= TARGETS.verifiedPerSecond,
      detail: `${mine.verifiedPerSecond.toFixed(0)}/s`,
    });
    perf.push({ name: `p99 < ${TARGETS.p99Ms} ms`, ok: mine.p99 < TARGETS.p99Ms, detail: `${mine.p99.toFixed(1)} ms` });
  }
  if (mine && floor) {
    const ratio = mine.verifiedPerSecond / floor.verifiedPerSecond;
    console.log(
      `\nratio handler/baseline: ${ratio.toFixed(2)} (verified callbacks/s ${mine.verifiedPerSecond.toFixed(0)} / ${floor.verifiedPerSecond.toFixed(0)}; p99 ${mine.p99.toFixed(1)} / ${floor.p99.toFixed(1)} ms)`,
    );
    perf.push({
      name: `≥ ${TARGETS.baselineRatio}× the baseline's throughput`,
      ok: ratio >= TARGETS.baselineRatio,
      detail: `${ratio.toFixed(2)}×`,
    });
  }
  const top = results.find((r) => r.target === ceiling)?.summary;
  if (top) {
    // The same request mix answered by a route that does nothing: what any Next route handler could reach here.
    console.log(
      `ceiling: an empty Next route answers ${top.requestsPerSecond.toFixed(0)} req/s (${top.verifiedPerSecond.toFixed(0)} signed callbacks/s in this mix), p99 ${top.p99.toFixed(1)} ms`,
    );
    if (mine) console.log(`handler/ceiling: ${(mine.requestsPerSecond / top.requestsPerSecond).toFixed(2)}`);
    if (floor)
      console.log(
        `ceiling/baseline: ${(top.verifiedPerSecond / floor.verifiedPerSecond).toFixed(2)} (above 1 means Next's own per-request cost leaves room for the handler)`,
      );
  }
  console.log(formatChecks("target", perf));
  const after = machineLoad();
  console.log(`machine load after: ${after.load1.toFixed(2)} (1-min)`);

  if (results.some((r) => r.checks.some((c) => !c.ok))) process.exit(1);
  if (perf.some((c) => !c.ok)) process.exit(2);
}

function profileFlags(): string[] {
  return args["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args["cpu-prof"])}`] : [];
}

function targetName(target: Target): string {
  return target === handler ? "handler" : target === baseline ? "baseline" : target === ceiling ? "ceiling" : "direct";
}

function positive(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer (got ${value})`);
  return n;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
