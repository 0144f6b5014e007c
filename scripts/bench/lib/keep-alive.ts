import http from "node:http";

/** What one request came to: status 0 with an error when no response arrived in time or the socket failed. */
export type Outcome = { status: number; error?: string; ms: number };
export type RequestSpec = { method: "GET" | "POST"; path: string; headers?: http.OutgoingHttpHeaders; body?: Buffer };

export type KeepAliveOptions = {
  /** e.g. http://127.0.0.1:4310 — loopback only. */
  origin: string;
  concurrency: number;
  /** Hard stop for the whole run (warm-up included): nothing new is sent after it. */
  maxSeconds: number;
  /** Per request; a request slower than this counts as an error. */
  timeoutMs: number;
  /** Called as the measured (post-warm-up) phase starts and ends, e.g. to read CPU or query counters. */
  onMeasured?: (phase: "start" | "end") => void;
};
export type KeepAliveResult<T> = {
  samples: Array<Outcome & { item: T }>;
  measuredSeconds: number;
  stoppedByDeadline: boolean;
};

/** Load tests target this machine only: a mistyped origin must not become a load test of someone else's server. */
export function assertLoopback(origin: URL): void {
  if (origin.hostname !== "127.0.0.1" && origin.hostname !== "localhost")
    throw new Error(`refusing to load-test a non-loopback host: ${origin.hostname}`);
}

/**
 * Sends the plan over keep-alive connections with at most `concurrency` requests in flight, each worker taking the
 * next item as soon as its previous request is answered. Warm-up items are sent first and excluded from the clock.
 * Bounded by count (the plan) and time (`maxSeconds`). Shared by the callback and page benchmarks.
 */
export async function runKeepAlive<T extends { warmup: boolean }>(
  plan: T[],
  options: KeepAliveOptions,
  toRequest: (item: T) => RequestSpec,
): Promise<KeepAliveResult<T>> {
  const origin = new URL(options.origin);
  assertLoopback(origin);
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: options.concurrency,
    maxFreeSockets: options.concurrency,
  });
  const samples: KeepAliveResult<T>["samples"] = [];
  const deadline = Date.now() + options.maxSeconds * 1000;
  let stoppedByDeadline = false;

  const runQueue = async (items: T[]) => {
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        if (Date.now() > deadline) {
          stoppedByDeadline = true;
          return;
        }
        const item = items[next++]!;
        samples.push({ item, ...(await send(agent, origin, toRequest(item), options.timeoutMs)) });
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  };

  try {
    await runQueue(plan.filter((p) => p.warmup));
    options.onMeasured?.("start");
    const started = performance.now();
    await runQueue(plan.filter((p) => !p.warmup));
    const measuredSeconds = (performance.now() - started) / 1000;
    options.onMeasured?.("end");
    return { samples, measuredSeconds, stoppedByDeadline };
  } finally {
    agent.destroy();
  }
}

function send(agent: http.Agent, origin: URL, spec: RequestSpec, timeoutMs: number): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request(
      {
        agent,
        host: origin.hostname,
        port: origin.port,
        method: spec.method,
        path: spec.path,
        headers: spec.body ? { ...spec.headers, "content-length": spec.body.length } : spec.headers,
        timeout: timeoutMs,
      },
      (response) => {
        response.resume(); // drain so the socket goes back to the pool
        response.on("end", () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
        response.on("error", (error) => resolve({ status: 0, error: error.message, ms: performance.now() - started }));
      },
    );
    request.on("timeout", () => request.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    request.on("error", (error) => resolve({ status: 0, error: error.message, ms: performance.now() - started }));
    request.end(spec.body);
  });
}
