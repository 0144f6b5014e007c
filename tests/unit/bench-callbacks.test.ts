import os from "node:os";
import { describe, expect, it } from "vitest";
import type { PaymentAttempt } from "@/db/schema/payments";
import { verifyTransaction } from "@/lib/paymob/hmac";
import { formatCpuPerRequest, readCpu } from "@/scripts/bench/lib/cpu";
import { runLoad } from "@/scripts/bench/lib/load";
import { percentile, summarize } from "@/scripts/bench/lib/stats";
import { attemptsFor, buildWorkload, type WorkloadShape } from "@/scripts/bench/lib/workload";

// The callback benchmark's own logic: what it sends, how it counts, and how it reads CPU. Its figures are only
// worth as much as these are right.

const SECRET = "BENCH0TEST0SECRET";
const shape: WorkloadShape = {
  paidOrders: 40,
  forgedOnlyOrders: 4,
  duplicateRatio: 0.5,
  invalidRatio: 0.25,
  warmupOrders: 6,
};
const attempts = Array.from(
  { length: attemptsFor(shape) },
  (_, i) =>
    ({
      id: `attempt-${i}`,
      amountMinor: 10_000 + i,
      currency: "EGP",
      intentionOrderId: 700_000 + i,
      specialReference: `PS-BENCH${i}-1`,
    }) as PaymentAttempt,
);
const objOf = (rawBody: string) => (JSON.parse(rawBody) as { obj: Parameters<typeof verifyTransaction>[1] }).obj;

describe("bench:callbacks workload", () => {
  const workload = buildWorkload(attempts, shape, SECRET);
  const measured = workload.plan.filter((p) => !p.warmup);

  it("sends each paid order one approval, the planned share of re-deliveries and forgeries, warm-up first", () => {
    const count = (kind: string) => measured.filter((p) => p.kind === kind).length;
    expect([count("new"), count("duplicate"), count("invalid")]).toEqual([40, 20, 10]);
    expect(workload.plan.findIndex((p) => !p.warmup)).toBe(workload.plan.filter((p) => p.warmup).length);
    expect(new Set(measured.filter((p) => p.kind === "new").map((p) => p.target)).size).toBe(40);
  });

  it("signs approvals and duplicates with the merchant secret, forgeries with another key", () => {
    for (const p of workload.plan)
      expect(verifyTransaction(SECRET, objOf(p.rawBody), p.hmac), `${p.kind} ${p.target}`).toBe(p.kind !== "invalid");
  });

  it("re-delivers the identical bytes, never before the original", () => {
    for (const [i, p] of measured.entries()) {
      if (p.kind !== "duplicate") continue;
      const original = measured.findIndex((q) => q.kind === "new" && q.target === p.target);
      expect(original).toBeLessThan(i);
      expect(measured[original]).toMatchObject({ rawBody: p.rawBody, hmac: p.hmac });
    }
  });

  it("is the same sequence for every server measured in one run", () => {
    expect(buildWorkload(attempts, shape, SECRET).plan).toEqual(workload.plan);
  });
});

describe("bench:callbacks statistics", () => {
  it("uses nearest-rank percentiles", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 100), percentile([], 50)]).toEqual([
      50,
      99,
      100,
      Number.NaN,
    ]);
  });

  it("counts only signed callbacks answered 200 as verified, and leaves warm-up out", () => {
    const sample = (kind: "new" | "duplicate" | "invalid", status: number, warmup = false) => ({
      kind,
      target: 0,
      warmup,
      status,
      ms: 5,
    });
    const summary = summarize("x", {
      samples: [
        sample("new", 200),
        sample("duplicate", 200),
        sample("new", 503),
        sample("invalid", 401),
        sample("invalid", 200),
        sample("new", 200, true),
      ],
      measuredSeconds: 2,
      planned: 6,
      sent: 6,
      stoppedByDeadline: false,
    });
    expect(summary).toMatchObject({
      requests: 5,
      requestsPerSecond: 2.5,
      verifiedPerSecond: 1,
      statuses: { "200": 3, "503": 1, "401": 1 },
    });
  });

  it("refuses to load anything but loopback", async () => {
    await expect(
      runLoad([], { origin: "http://192.0.2.1:80", path: "/", concurrency: 1, maxSeconds: 1, timeoutMs: 100 }),
    ).rejects.toThrow(/non-loopback/);
  });
});

describe.skipIf(process.platform !== "linux")("bench:callbacks CPU readings", () => {
  it("reads this process's CPU time from /proc and reports it per request", () => {
    const before = readCpu(process.pid)!;
    // Busy until this process has used 200 ms of CPU (not 200 ms of wall time, which on a loaded machine may
    // hold only a few ms of CPU).
    const start = process.cpuUsage();
    let spin = 0;
    while (process.cpuUsage(start).user < 200_000) spin++;
    const after = readCpu(process.pid)!;
    expect(spin).toBeGreaterThan(0);
    // The server here is this very process: /proc's ticks and Node's own counter both saw the busy loop.
    expect(after.server - before.server).toBeGreaterThan(0.05);
    expect(after.loadGenerator - before.loadGenerator).toBeGreaterThan(0.05);
    expect(
      formatCpuPerRequest(
        { server: 1, postgres: 2, loadGenerator: 0, at: 0 },
        { server: 1.5, postgres: 2.25, loadGenerator: 0.1, at: 1000 },
        500,
      ),
    ).toBe(
      "  cpu/request  server 1.00 ms (50% of one core), postgres 0.50 ms, load generator 0.20 ms; machine " +
        `${((100 * 0.85) / os.availableParallelism()).toFixed(0)}% busy`,
    );
    expect(formatCpuPerRequest(null, after, 10)).toMatch(/not measured/);
  });
});
