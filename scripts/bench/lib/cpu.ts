import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";

/** CPU seconds used so far by the measured server (with its child processes), PostgreSQL, and this process. */
export type CpuReading = { server: number; postgres: number; loadGenerator: number; at: number };

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

type ProcStat = { pid: number; ppid: number; comm: string; seconds: number };

function readProcesses(): ProcStat[] {
  const list: ProcStat[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let text: string;
    try {
      text = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited while we looked
    }
    // The command name is in parentheses and may itself hold spaces or parentheses: split after the last ")".
    const close = text.lastIndexOf(")");
    const fields = text.slice(close + 2).split(" ");
    list.push({
      pid: Number(entry),
      ppid: Number(fields[1]),
      comm: text.slice(text.indexOf("(") + 1, close),
      seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
    });
  }
  return list;
}

/** Null where /proc is missing (not Linux): the report then leaves the CPU line out. */
export function readCpu(serverPid: number | undefined): CpuReading | null {
  if (!fs.existsSync("/proc/self/stat") || serverPid === undefined) return null;
  const processes = readProcesses();
  const tree = new Set([serverPid]);
  // Parents come before children in most listings, but not always: repeat until nothing new joins.
  for (let grew = true; grew;) {
    grew = false;
    for (const p of processes) {
      if (tree.has(p.pid) || !tree.has(p.ppid)) continue;
      tree.add(p.pid);
      grew = true;
    }
  }
  const sum = (keep: (p: ProcStat) => boolean) => processes.filter(keep).reduce((total, p) => total + p.seconds, 0);
  const own = process.cpuUsage();
  return {
    server: sum((p) => tree.has(p.pid)),
    postgres: sum((p) => p.comm === "postgres"),
    loadGenerator: (own.user + own.system) / 1e6,
    at: performance.now(),
  };
}

/** Where the CPU went per request between two readings, and how busy the whole machine was. */
export function formatCpuPerRequest(before: CpuReading | null, after: CpuReading | null, requests: number): string {
  if (!before || !after || requests === 0) return "  cpu          (not measured: needs Linux /proc)";
  const per = (a: number, b: number) => `${(((b - a) * 1000) / requests).toFixed(2)} ms`;
  const wall = (after.at - before.at) / 1000;
  const used =
    after.server - before.server + (after.postgres - before.postgres) + (after.loadGenerator - before.loadGenerator);
  const serverShare = (after.server - before.server) / wall;
  return `  cpu/request  server ${per(before.server, after.server)} (${(100 * serverShare).toFixed(0)}% of one core), postgres ${per(before.postgres, after.postgres)}, load generator ${per(before.loadGenerator, after.loadGenerator)}; machine ${((100 * used) / wall / os.availableParallelism()).toFixed(0)}% busy`;
}
