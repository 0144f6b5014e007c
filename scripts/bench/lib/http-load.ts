import { runKeepAlive, type KeepAliveOptions, type Outcome } from "./keep-alive";
import { percentile } from "./stats";

export type GetLoadOptions = KeepAliveOptions & {
  path: string;
  /** Sent as is, e.g. the page fixtures' "sf_cart=…". */
  cookie?: string;
  /** Measured requests: the count bound (maxSeconds is the time bound). */
  requests: number;
  /** Sent first, off the clock. */
  warmupRequests: number;
};
export type GetLoadResult = {
  measured: Outcome[];
  warmup: Outcome[];
  measuredSeconds: number;
  stoppedByDeadline: boolean;
};

/** GETs one path over keep-alive connections, as a browser would fetch a page or asset (see keep-alive.ts). */
export async function runGetLoad(options: GetLoadOptions): Promise<GetLoadResult> {
  const plan = Array.from({ length: options.warmupRequests + options.requests }, (_, i) => ({
    warmup: i < options.warmupRequests,
  }));
  const headers = options.cookie ? { cookie: options.cookie } : {};
  const result = await runKeepAlive(plan, options, () => ({ method: "GET", path: options.path, headers }));
  const pick = (warmup: boolean) =>
    result.samples.filter((s) => s.item.warmup === warmup).map(({ item: _, ...o }) => o);
  return {
    measured: pick(false),
    warmup: pick(true),
    measuredSeconds: result.measuredSeconds,
    stoppedByDeadline: result.stoppedByDeadline,
  };
}

export type GetSummary = {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Measured requests not answered 2xx (transport failures included), by status or error text. */
  errors: number;
  errorKinds: Record<string, number>;
};

/** A page view that is not 2xx is an error: a redirect or a 500 is not the page the benchmark meant to measure. */
export function summarizeGets(result: GetLoadResult): GetSummary {
  const latencies = result.measured.map((s) => s.ms).sort((a, b) => a - b);
  const errorKinds: Record<string, number> = {};
  for (const s of result.measured) {
    if (s.status >= 200 && s.status < 300) continue;
    const kind = s.error ?? String(s.status);
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  }
  return {
    requests: result.measured.length,
    seconds: result.measuredSeconds,
    requestsPerSecond: result.measured.length / result.measuredSeconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors: Object.values(errorKinds).reduce((a, b) => a + b, 0),
    errorKinds,
  };
}
