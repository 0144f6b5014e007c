// Starts a production build (`next start` behind scripts/with-db.mjs) for a test suite, on a free loopback port,
// and makes sure the server that answers is this one: several clones may run their suites on one machine, and a
// port picked as free can be taken by someone else before `next start` binds it. The server echoes INSTANCE_ID
// from /api/health; until it answers with ours, nothing is ready, and another server's answer is an error.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import net from "node:net";

/** A port nobody listens on right now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const POLL_MS = 250;

const nextStart = (port) => [
  process.execPath,
  "scripts/with-db.mjs",
  "node_modules/.bin/next",
  "start",
  // "localhost", the name the browser and APP_URL use, not 127.0.0.1: Next 16.4 writes a loopback address as
  // "localhost" in the proxy's URLs, so on a server bound to 127.0.0.1 every rewrite (bare English paths go to
  // app/[locale]) would be fetched again over HTTP instead of in-process (docs/architecture.md, "Languages").
  "-H",
  "localhost",
  "-p",
  String(port),
];

/**
 * `env` is the app's environment (PGLITE_DATA_DIR, NEXT_DIST_DIR, secrets…); PORT, APP_URL and INSTANCE_ID are
 * set here. Resolves once /api/health answers with this server's id; rejects if the server exits first or
 * another server answers on the port. No deadline of its own: the caller's timeout bounds the wait.
 * `detached`: its own process group, so `stop()` also reaches `next start` below with-db.mjs; leave it in the
 * caller's group when the caller's own supervisor (Playwright) stops whole groups. `command`: the server to run
 * (tests of this module use a stand-in).
 */
export async function startAppServer({
  env,
  port: requestedPort,
  stdio = "inherit",
  detached = true,
  command = nextStart,
}) {
  const port = requestedPort ?? (await freePort());
  const instance = randomUUID();
  const origin = `http://localhost:${port}`;
  const [file, ...args] = command(port);
  const child = spawn(file, args, {
    env: { ...env, PORT: String(port), APP_URL: `http://localhost:${port}`, INSTANCE_ID: instance },
    stdio,
    detached,
  });
  const sendSignal = (name) => {
    if (!detached) return void child.kill(name);
    try {
      process.kill(-child.pid, name);
    } catch {
      /* already gone */
    }
  };
  // Registered now, so an exit that happens before anyone asks is not missed.
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const stop = async (graceMs = 30_000) => {
    if (hasExited) return exited;
    sendSignal("SIGTERM");
    const timer = setTimeout(() => sendSignal("SIGKILL"), graceMs);
    const result = await exited;
    clearTimeout(timer);
    return result;
  };

  for (;;) {
    if (hasExited) {
      const { code, signal } = await exited;
      throw new Error(`the app server on port ${port} exited before it was ready (${signal ?? `exit code ${code}`})`);
    }
    const answer = await health(origin);
    if (answer?.instance === instance && answer.ok) return { port, origin, instance, stop };
    if (answer && answer.instance !== instance) {
      await stop();
      throw new Error(
        `port ${port} is served by another process (health answered ${JSON.stringify(answer)}), not by the server this suite started`,
      );
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, POLL_MS))]);
  }
}

async function health(origin) {
  try {
    const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(60_000) });
    return await response.json();
  } catch {
    return undefined; // not listening yet, or not JSON yet
  }
}
