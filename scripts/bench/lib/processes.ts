import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";

export type Started = { child: ChildProcess; logFile: string; stop: () => Promise<void> };

/** A free loopback port (the OS picks; released right away for the child to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/**
 * Starts a server process in its own process group, its output going to `logFile` (a server logs one line per
 * callback; thousands of them would drown the report). `stop()` ends that group only: what we started.
 */
export function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Started {
  const log = fs.openSync(logFile, "w");
  const child = spawn(command, args, { env, stdio: ["ignore", log, log], detached: true });
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    process.kill(-child.pid, "SIGTERM");
    const killed = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
    if (!killed && child.exitCode === null) process.kill(-child.pid, "SIGKILL");
    await Promise.race([exited, sleep(2_000)]);
  };
  return { child, logFile, stop };
}

/** Polls `url` until it answers at all (any status), bounded by `timeoutMs`; fails early if the child exits. */
export async function waitForHttp(url: string, started: Started, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null)
      throw new Error(`server exited with ${started.child.exitCode} before answering; see ${started.logFile}`);
    try {
      // A first render on a busy machine can take seconds; a short abort would cut every attempt off.
      await fetch(url, { signal: AbortSignal.timeout(15_000) });
      return;
    } catch {
      await sleep(200);
    }
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms; see ${started.logFile}`);
}

/** Runs a command to completion with inherited output, bounded by `timeoutMs`. */
export function runToEnd(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  cwd?: string,
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: "inherit", detached: true, cwd });
    const timer = setTimeout(() => {
      console.error(`${command} ${args.join(" ")}: no result within ${timeoutMs / 1000} s, stopping it`);
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The 1-minute load average and core count, printed with every result: numbers measured on a busy machine mean little. */
export function machineLoad(): { load1: number; cores: number } {
  const load1 = Number(fs.readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
  return { load1, cores: os.availableParallelism() };
}
