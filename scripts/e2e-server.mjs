#!/usr/bin/env node
// Playwright's web server: a production build on a fresh embedded database, on the embedded defaults.
import { spawn } from "node:child_process";
import fs from "node:fs";

const dataDir = process.env.PGLITE_DATA_DIR ?? ".data/pglite-e2e";
fs.rmSync(dataDir, { recursive: true, force: true });
fs.rmSync(`${dataDir}.lock`, { force: true });

const port = process.env.PORT ?? "3100";
const env = { ...process.env, PGLITE_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1", NEXT_SKIP_TYPECHECK: process.env.NEXT_SKIP_TYPECHECK ?? "1" };
const steps = process.env.E2E_SKIP_BUILD ? [] : [["node_modules/.bin/next", ["build"]]];
steps.push([process.execPath, ["scripts/with-db.mjs", "node_modules/.bin/next", "start", "-H", "127.0.0.1", "-p", port]]);

for (const [file, args] of steps) {
  const code = await new Promise((resolve) => {
    const child = spawn(file, args, { stdio: "inherit", env });
    for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
    child.on("exit", (c) => resolve(c ?? 1));
  });
  if (code !== 0) process.exit(code);
}
