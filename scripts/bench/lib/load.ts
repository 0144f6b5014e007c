import http from "node:http";
import type { CallbackKind, PlannedCallback } from "./workload";

export type Sample = {
  kind: CallbackKind;
  target: number;
  warmup: boolean;
  status: number;
  error?: string;
  ms: number;
};
export type LoadResult = {
  samples: Sample[];
  measuredSeconds: number;
  planned: number;
  sent: number;
  stoppedByDeadline: boolean;
};
export type LoadOptions = {
  /** e.g. http://127.0.0.1:4310 — loopback only. */
  origin: string;
  path: string;
  concurrency: number;
  /** Hard stop for the whole run: nothing new is sent after it. */
  maxSeconds: number;
  /** Per request; a request slower than this counts as an error. */
  timeoutMs: number;
  /** Called as the measured (post-warm-up) phase starts and ends, e.g. to read CPU counters. */
  onMeasured?: (phase: "start" | "end") => void;
};

/**
 * Sends the plan over keep-alive connections with at most `concurrency` requests in flight. Warm-up items are
 * sent first (sequentially in the plan) and excluded from the clock. Bounded by count (the plan) and time.
 */
export async function runLoad(plan: PlannedCallback[], options: LoadOptions): Promise<LoadResult> {
  const origin = new URL(options.origin);
  if (origin.hostname !== "127.0.0.1" && origin.hostname !== "localhost")
    throw new Error(`refusing to load-test a non-loopback host: ${origin.hostname}`);
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: options.concurrency,
    maxFreeSockets: options.concurrency,
  });
  const samples: Sample[] = [];
  const deadline = Date.now() + options.maxSeconds * 1000;
  let stoppedByDeadline = false;

  const runQueue = async (items: PlannedCallback[]) => {
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        if (Date.now() > deadline) {
          stoppedByDeadline = true;
          return;
        }
        const item = items[next++]!;
        samples.push({
          kind: item.kind,
          target: item.target,
          warmup: item.warmup,
          ...(await post(agent, origin, options, item)),
        });
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  };

  await runQueue(plan.filter((p) => p.warmup));
  options.onMeasured?.("start");
  const started = performance.now();
  await runQueue(plan.filter((p) => !p.warmup));
  const measuredSeconds = (performance.now() - started) / 1000;
  options.onMeasured?.("end");
  agent.destroy();
  return { samples, measuredSeconds, planned: plan.length, sent: samples.length, stoppedByDeadline };
}

function post(
  agent: http.Agent,
  origin: URL,
  options: LoadOptions,
  item: PlannedCallback,
): Promise<{ status: number; error?: string; ms: number }> {
  const body = Buffer.from(item.rawBody, "utf8");
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request(
      {
        agent,
        host: origin.hostname,
        port: origin.port,
        method: "POST",
        path: `${options.path}?hmac=${item.hmac}`,
        headers: { "content-type": "application/json", "content-length": body.length },
        timeout: options.timeoutMs,
      },
      (response) => {
        response.resume(); // drain so the socket goes back to the pool
        response.on("end", () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
        response.on("error", (error) => resolve({ status: 0, error: error.message, ms: performance.now() - started }));
      },
    );
    request.on("timeout", () => request.destroy(new Error(`timeout after ${options.timeoutMs} ms`)));
    request.on("error", (error) => resolve({ status: 0, error: error.message, ms: performance.now() - started }));
    request.end(body);
  });
}
