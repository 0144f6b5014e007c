import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, startAppServer, type AppServer } from "../../../scripts/app-server.mjs";
import { listenOnLoopback, type LoopbackServer } from "../../helpers/loopback-server";

// How a suite starts its own app server (scripts/app-server.mjs), with a stand-in for `next start`: a free port,
// proof that the server answering is the one it started, and a stop that waits for the real exit.

/** A tiny server that answers /api/health like the app, echoing INSTANCE_ID. */
const standIn = () => (port: number) => [
  process.execPath,
  "-e",
  `require("http").createServer((q, s) => s.end(JSON.stringify({ ok: true, instance: process.env.INSTANCE_ID }))).listen(${port}, "127.0.0.1")`,
];
/** A process that dies at once. */
const dying = (code: number) => () => [process.execPath, "-e", `process.exit(${code})`];
/** A server still booting (not listening yet), as `next start` is while another process holds the port. */
const booting = () => () => [process.execPath, "-e", "setInterval(() => {}, 1000)"];

const started: AppServer[] = [];
const others: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all([...started.splice(0).map((s) => s.stop()), ...others.splice(0).map((o) => o.close())]);
});

describe("startAppServer", () => {
  it("serves on a free port and is ready only once its own id answers", async () => {
    const server = await startAppServer({ env: process.env, command: standIn(), stdio: "ignore" });
    started.push(server);
    const health = (await (await fetch(`${server.origin}/api/health`)).json()) as { instance: string };
    expect(health.instance).toBe(server.instance);
    expect(server.origin).toBe(`http://localhost:${server.port}`);
  });

  it("refuses a port on which another suite's server answers, instead of testing that server", async () => {
    const other = await listenOnLoopback(
      http.createServer((_req, res) => res.end(JSON.stringify({ ok: true, instance: "another-suite" }))),
    );
    others.push(other);
    await expect(
      startAppServer({ env: process.env, port: other.port, command: booting(), stdio: "ignore" }),
    ).rejects.toThrow(/port \d+ is served by another process .*another-suite/);
  });

  it("reports a server that exits before it is ready", async () => {
    await expect(
      startAppServer({ env: process.env, port: await freePort(), command: dying(3), stdio: "ignore" }),
    ).rejects.toThrow(/exited before it was ready \(exit code 3\)/);
  });

  it("stop waits for the real exit, and returns at once when the exit already happened", async () => {
    const server = await startAppServer({ env: process.env, command: standIn(), stdio: "ignore" });
    expect(await server.stop()).toEqual({ code: null, signal: "SIGTERM" });
    // The second stop finds the exit already recorded: no waiting for an event that will never come again.
    expect(await server.stop()).toEqual({ code: null, signal: "SIGTERM" });
    await expect(fetch(`${server.origin}/api/health`)).rejects.toThrow();
  });
});
