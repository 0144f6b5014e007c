import type { LoadResult, Sample } from "./load";

export type Summary = {
  label: string;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  verifiedPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
  errors: Record<string, number>;
  byKind: Record<string, Record<string, number>>;
};

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/** Statistics over the measured (non-warm-up) requests. A verified callback = a validly signed one answered 200. */
export function summarize(label: string, result: LoadResult): Summary {
  const measured = result.samples.filter((s) => !s.warmup);
  const latencies = measured.map((s) => s.ms).sort((a, b) => a - b);
  const verified = measured.filter((s) => s.kind !== "invalid" && s.status === 200).length;
  const count = (list: Sample[], key: (s: Sample) => string | undefined) =>
    list.reduce<Record<string, number>>((acc, s) => {
      const k = key(s);
      if (k !== undefined) acc[k] = (acc[k] ?? 0) + 1;
      return acc;
    }, {});
  const byKind: Summary["byKind"] = {};
  for (const kind of ["new", "duplicate", "invalid"])
    byKind[kind] = count(
      measured.filter((s) => s.kind === kind),
      (s) => String(s.status),
    );
  return {
    label,
    requests: measured.length,
    seconds: result.measuredSeconds,
    requestsPerSecond: measured.length / result.measuredSeconds,
    verifiedPerSecond: verified / result.measuredSeconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    statuses: count(measured, (s) => String(s.status)),
    errors: count(result.samples, (s) => s.error),
    byKind,
  };
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

export function formatSummary(s: Summary): string {
  const kinds = Object.entries(s.byKind)
    .map(
      ([kind, statuses]) =>
        `${kind} ${
          Object.entries(statuses)
            .map(([st, n]) => `${st}×${n}`)
            .join(" ") || "-"
        }`,
    )
    .join(" | ");
  return [
    `── ${s.label}`,
    `  requests     ${s.requests} in ${s.seconds.toFixed(2)} s`,
    `  throughput   ${s.requestsPerSecond.toFixed(0)} req/s, ${s.verifiedPerSecond.toFixed(0)} verified callbacks/s`,
    `  latency      p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)}`,
    `  statuses     ${Object.entries(s.statuses)
      .map(([st, n]) => `${st}: ${n}`)
      .join(", ")}   (${kinds})`,
    `  errors       ${
      Object.keys(s.errors).length === 0
        ? "0"
        : Object.entries(s.errors)
            .map(([e, n]) => `${n}× ${e}`)
            .join("; ")
    }`,
  ].join("\n");
}
