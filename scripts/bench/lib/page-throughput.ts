import { readCpu, type CpuReading } from "./cpu";
import { runGetLoad, summarizeGets, type GetSummary } from "./http-load";
import { totalQueries, type PgQueryProxy, type QueryCounts } from "./pg-query-counter";

/** static: the yardstick; catalog: the same for every visitor; visitor: depends on the visitor's cookies. */
export type ThroughputTarget = { name: string; path: string; cookie?: string; kind: "static" | "catalog" | "visitor" };
export type ThroughputRow = {
  name: string;
  kind: ThroughputTarget["kind"];
  path: string;
  concurrency: number;
  summary: GetSummary;
  stoppedByDeadline: boolean;
  /** Statements PostgreSQL received per measured view (simple queries + Executes), counted by the proxy. */
  queriesPerView: number;
  /** CPU the `next start` process tree used per measured view; null off Linux. */
  serverCpuMs: number | null;
  /** This row's req/s over the static asset's at the same concurrency in the same run. */
  ratioToStatic: number;
};
export type ThroughputPlan = {
  origin: string;
  targets: ThroughputTarget[];
  concurrencies: number[];
  requests: number;
  maxSeconds: number;
  warmupPerPage: number;
  proxy: PgQueryProxy;
  serverPid: number | undefined;
  /** Why the measured server is gone (e.g. "killed by SIGKILL"), or null while it runs. */
  serverGone: () => string | null;
};

/**
 * A static JS chunk `next start` serves from the same build: the smallest /_next/static/chunks/*.js the home page
 * references, so its rate measures the server's per-request cost rather than copying bytes.
 */
export async function pickStaticChunk(origin: string, scriptPaths: string[]): Promise<{ path: string; bytes: number }> {
  let best: { path: string; bytes: number } | undefined;
  for (const path of scriptPaths.filter((p) => p.startsWith("/_next/static/chunks/"))) {
    const response = await fetch(`${origin}${path}`, { signal: AbortSignal.timeout(30_000) });
    const bytes = (await response.arrayBuffer()).byteLength;
    if (response.ok && (!best || bytes < best.bytes)) best = { path, bytes };
  }
  if (!best) throw new Error("the home page references no /_next/static/chunks/*.js");
  return best;
}

/**
 * Every target at every concurrency, the static asset first each time so each page's ratio is taken against a
 * figure measured moments before on the same warm server. Each page is warmed up once beforehand (caches filled,
 * code paths compiled), and each measurement opens its connections off the clock (one request per connection).
 */
export async function measureThroughput(plan: ThroughputPlan, log: (line: string) => void): Promise<ThroughputRow[]> {
  const targets = [...plan.targets].sort((a, b) => Number(b.kind === "static") - Number(a.kind === "static"));
  for (const target of targets) {
    const response = await fetch(`${plan.origin}${target.path}`, {
      headers: target.cookie ? { cookie: target.cookie } : {},
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
    await response.arrayBuffer();
    if (response.status !== 200)
      throw new Error(`${target.name} (${target.path}) answered ${response.status}, not 200`);
    const warm = await runGetLoad({
      origin: plan.origin,
      path: target.path,
      cookie: target.cookie,
      requests: 0,
      warmupRequests: plan.warmupPerPage,
      concurrency: Math.max(1, Math.min(16, plan.warmupPerPage)),
      maxSeconds: 60,
      timeoutMs: 30_000,
    });
    const failed = warm.warmup.filter((o) => o.status < 200 || o.status >= 300).length;
    log(`  warmed up ${target.name}: ${warm.warmup.length} views${failed ? `, ${failed} not 2xx` : ""}`);
  }

  const rows: ThroughputRow[] = [];
  for (const concurrency of plan.concurrencies) {
    let staticRate = Number.NaN;
    for (const target of targets) {
      const at: Partial<Record<"start" | "end", { queries: QueryCounts; cpu: CpuReading | null }>> = {};
      const result = await runGetLoad({
        origin: plan.origin,
        path: target.path,
        cookie: target.cookie,
        requests: plan.requests,
        warmupRequests: concurrency,
        concurrency,
        maxSeconds: plan.maxSeconds,
        timeoutMs: 10_000,
        onMeasured: (phase) => {
          at[phase] = { queries: plan.proxy.counts(), cpu: readCpu(plan.serverPid) };
        },
      });
      // A dead server answers ECONNREFUSED at loopback speed: that is no figure to print, let alone compare.
      const gone = plan.serverGone();
      if (gone) throw new Error(`the app server stopped during ${target.name} at ${concurrency} connections: ${gone}`);
      const summary = summarizeGets(result);
      const queries = totalQueries(at.end!.queries) - totalQueries(at.start!.queries);
      const cpuStart = at.start!.cpu;
      const cpuEnd = at.end!.cpu;
      if (target.kind === "static") staticRate = summary.requestsPerSecond;
      const row: ThroughputRow = {
        name: target.name,
        kind: target.kind,
        path: target.path,
        concurrency,
        summary,
        stoppedByDeadline: result.stoppedByDeadline,
        queriesPerView: summary.requests ? queries / summary.requests : Number.NaN,
        serverCpuMs:
          cpuStart && cpuEnd && summary.requests ? ((cpuEnd.server - cpuStart.server) * 1000) / summary.requests : null,
        ratioToStatic: summary.requestsPerSecond / staticRate,
      };
      rows.push(row);
      log(`  ${formatRow(row)}`);
    }
  }
  return rows;
}

const HEADER = `${"page".padEnd(14)} conn    req/s  × static    p50 ms    p99 ms  errors  DB queries/view  server CPU/view`;

function formatRow(r: ThroughputRow): string {
  const errors = r.summary.errors
    ? `${r.summary.errors} (${Object.entries(r.summary.errorKinds)
        .map(([kind, n]) => `${kind}×${n}`)
        .join(", ")})`
    : "0";
  const stopped = r.stoppedByDeadline ? `  (time bound: ${r.summary.requests} sent)` : "";
  return [
    r.name.padEnd(14),
    String(r.concurrency).padStart(4),
    r.summary.requestsPerSecond.toFixed(0).padStart(8),
    r.ratioToStatic.toFixed(2).padStart(9),
    r.summary.p50.toFixed(1).padStart(9),
    r.summary.p99.toFixed(1).padStart(9),
    errors.padStart(7),
    r.queriesPerView.toFixed(2).padStart(16),
    (r.serverCpuMs === null ? "-" : `${r.serverCpuMs.toFixed(2)} ms`).padStart(16),
  ]
    .join(" ")
    .concat(stopped);
}

export function formatThroughputTable(rows: ThroughputRow[]): string {
  const lines = [HEADER];
  for (const concurrency of [...new Set(rows.map((r) => r.concurrency))]) {
    for (const r of rows.filter((row) => row.concurrency === concurrency)) lines.push(formatRow(r));
  }
  return lines.join("\n");
}
