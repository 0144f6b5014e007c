#!/usr/bin/env node
// Playwright's web server: a production build on a fresh embedded database, on the embedded defaults, on a free
// port (or E2E_PORT). Playwright reads the port from the "ready" line below and hands it to its workers, so two
// suites on one machine never share a port, a database folder or a server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { startAppServer } from "./app-server.mjs";

const dataRoot = process.env.E2E_PGLITE_DATA_DIR
  ? undefined
  : fs.mkdtempSync(path.join(os.tmpdir(), "storefront-e2e-"));
const dataDir = process.env.E2E_PGLITE_DATA_DIR ?? path.join(dataRoot, "pglite");
fs.rmSync(dataDir, { recursive: true, force: true });
fs.rmSync(`${dataDir}.lock`, { force: true });
const env = {
  ...process.env,
  PGLITE_DATA_DIR: dataDir,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_SKIP_TYPECHECK: process.env.NEXT_SKIP_TYPECHECK ?? "1",
};
const cleanUp = () => dataRoot && fs.rmSync(dataRoot, { recursive: true, force: true });

if (!process.env.E2E_SKIP_BUILD) {
  const code = await new Promise((resolve) =>
    spawn("node_modules/.bin/next", ["build"], { stdio: "inherit", env }).once("exit", (c) => resolve(c ?? 1)),
  );
  if (code !== 0) {
    cleanUp();
    process.exit(code);
  }
}

let server;
try {
  server = await startAppServer({
    env,
    port: process.env.E2E_PORT ? Number(process.env.E2E_PORT) : undefined,
    detached: false,
  });
} catch (error) {
  console.error(`[e2e] ${error.message}`);
  cleanUp();
  process.exit(1);
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    await server.stop();
    cleanUp();
    process.exit(0);
  });
}
console.log(`[e2e] server ${server.instance} ready on port ${server.port}`);
