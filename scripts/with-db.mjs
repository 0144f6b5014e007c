#!/usr/bin/env node
// Runs a command against the project's database, ready to use:
//   node scripts/with-db.mjs [--no-seed] <command …>
// With DATABASE_URL set it migrates (and seeds an empty catalog) there, then runs the command.
// Without it, this process owns the embedded PGlite folder (.data/pglite) and serves it on a loopback port,
// so the app, a seed, a migration and drizzle-kit studio can all use it at once: a PGlite folder opened by
// two processes is silently corrupted. A second with-db.mjs joins the running server instead of opening it.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";
import { register } from "tsx/esm/api";
import { checkBuild } from "./build-fingerprint.mjs";
import { startEmbeddedDbServer } from "./embedded-db-server.mjs";

// The one-owner lock is the app's own (db/pglite-lock.ts): one implementation for this script and the app.
register();
const { announceServerPort, claimPgliteDir, embeddedServerUrl, readLock } = await import("../db/pglite-lock.ts");

const args = process.argv.slice(2);
const noSeed = args[0] === "--no-seed";
const command = noSeed ? args.slice(1) : args;
if (command.length === 0) {
  console.error("usage: node scripts/with-db.mjs [--no-seed] <command …>");
  process.exit(2);
}

nextEnv.loadEnvConfig(process.cwd(), process.argv.includes("dev"));
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
process.env.PATH = `${path.resolve("node_modules/.bin")}${path.delimiter}${process.env.PATH ?? ""}`;

const dataDir = path.resolve(process.env.PGLITE_DATA_DIR || ".data/pglite");
ensureLocalAuthSecret();
// Local runs write sign-in links to the dev outbox (/dev/outbox) unless a real mailer is configured; the app
// itself refuses the outbox on any deployed (non-localhost) URL.
if (!process.env.AUTH_RESEND_KEY) process.env.AUTH_DEV_OUTBOX ??= "1";
let server;

if (!process.env.DATABASE_URL) {
  const joined = embeddedServerUrl(dataDir);
  if (joined) {
    process.env.DATABASE_URL = joined;
    console.log(
      `[db] using the embedded database already served by process ${readLock(`${dataDir}.lock`)?.pid} on ${new URL(joined).host}`,
    );
  } else {
    server = await startEmbeddedServer();
    process.env.DATABASE_URL = server.url;
    console.log(
      `[db] embedded PostgreSQL (PGlite) ${path.relative(process.cwd(), dataDir)} served on 127.0.0.1:${server.port}`,
    );
  }
  process.env.DATABASE_DRIVER = "pg";
  // PGlite runs one statement at a time, so more connections would only queue at the server; one also means a
  // transaction can never wait on another connection of the same process.
  process.env.DATABASE_POOL_MAX ??= "1";
}

// `npm start` serves the sources as they are: build first on a fresh clone or after an edit (the build needs no
// database). An unchanged tree costs one hash of the sources, a few milliseconds.
const isNextStart = path.basename(command[0]) === "next" && command[1] === "start";
if (isNextStart) {
  const build = checkBuild({ distDir: process.env.NEXT_DIST_DIR || ".next" });
  if (build.reason) {
    console.log(`[start] ${build.reason}: running next build`);
    const buildCode = await run(command[0], ["build"]);
    if (buildCode !== 0) await exit(buildCode);
  }
  build.record();
}

// Async on purpose: this process's event loop serves the embedded database the setup step talks to.
const setupCode = await run(process.execPath, ["--import", "tsx", "db/setup-cli.ts", ...(noSeed ? ["--no-seed"] : [])]);
if (setupCode !== 0) await exit(setupCode);

const child = spawn(command[0], command.slice(1), {
  stdio: "inherit",
  env: process.env,
  shell: process.platform === "win32",
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => exit(code ?? (signal ? 1 : 0)));

function run(file, argv) {
  return new Promise((resolve) => {
    const proc = spawn(file, argv, { stdio: "inherit", env: process.env });
    proc.on("exit", (code) => resolve(code ?? 1));
  });
}

async function startEmbeddedServer() {
  try {
    claimPgliteDir(dataDir); // released when this process exits
  } catch (error) {
    console.error(`[db] ${error.message}`);
    process.exit(1);
  }
  const server = await startEmbeddedDbServer({ dataDir, port: Number(process.env.PGLITE_PORT || 0) });
  announceServerPort(dataDir, server.port);
  return server;
}

async function exit(code) {
  await server?.stop().catch(() => {});
  process.exit(code);
}

// Auth.js refuses to start without AUTH_SECRET. For a local run with none configured, make one once and keep it
// in .data/ (gitignored) so sessions survive restarts. Deployments must set their own (env validation says so).
function ensureLocalAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  const file = path.resolve(".data/auth-secret");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}
