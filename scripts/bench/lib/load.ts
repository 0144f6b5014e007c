import { runKeepAlive, type KeepAliveOptions, type Outcome } from "./keep-alive";
import type { CallbackKind, PlannedCallback } from "./workload";

export type Sample = Outcome & { kind: CallbackKind; target: number; warmup: boolean };
export type LoadResult = {
  samples: Sample[];
  measuredSeconds: number;
  planned: number;
  sent: number;
  stoppedByDeadline: boolean;
};
export type LoadOptions = KeepAliveOptions & { path: string };

/** Posts the planned callbacks (see keep-alive.ts for the bounds), each signed in its query string as Paymob does. */
export async function runLoad(plan: PlannedCallback[], options: LoadOptions): Promise<LoadResult> {
  const result = await runKeepAlive(plan, options, (item) => ({
    method: "POST",
    path: `${options.path}?hmac=${item.hmac}`,
    headers: { "content-type": "application/json" },
    body: Buffer.from(item.rawBody, "utf8"),
  }));
  const samples = result.samples.map(({ item, ...outcome }) => ({
    kind: item.kind,
    target: item.target,
    warmup: item.warmup,
    ...outcome,
  }));
  return {
    samples,
    measuredSeconds: result.measuredSeconds,
    planned: plan.length,
    sent: samples.length,
    stoppedByDeadline: result.stoppedByDeadline,
  };
}
