#!/usr/bin/env node
// `npm test`: every check the project has, in order, with one summary at the end:
// lint, typecheck, unit, integration on PGlite / PostgreSQL / Neon driver, then Playwright e2e on a production build.
// The last line is the plain "N passed, N failed, N skipped" that CI reads.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const only = process.argv.slice(2); // e.g. `npm test -- unit integration:pg`
const out = fs.mkdtempSync(path.join(os.tmpdir(), "storefront-tests-"));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.FORCE_COLOR ?? "1" };
const bin = (name) => path.resolve("node_modules/.bin", name);

const vitest = (project, name, extraEnv = {}) => ({
  name,
  cmd: [
    bin("vitest"),
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${path.join(out, `${name}.json`)}`,
  ],
  env: extraEnv,
  counts: () => {
    const r = JSON.parse(fs.readFileSync(path.join(out, `${name}.json`), "utf8"));
    return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
  },
});

const stages = [
  { name: "lint", cmd: [bin("eslint"), ".", "--max-warnings=0"] },
  { name: "format", cmd: [bin("prettier"), "--check", "."] },
  { name: "unused", cmd: [bin("knip"), "--no-progress"] },
  { name: "typecheck", cmd: [bin("tsc"), "--noEmit"] },
  vitest("unit", "unit"),
  vitest("integration", "integration:pglite", { TEST_DB: "pglite" }),
  vitest("integration", "integration:pg", { TEST_DB: "pg" }),
  vitest("integration", "integration:neon", { TEST_DB: "neon" }),
  vitest("build", "build-secrets"),
  {
    name: "e2e",
    cmd: [bin("playwright"), "test"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(out, "e2e.json") },
    counts: () => {
      const s = JSON.parse(fs.readFileSync(path.join(out, "e2e.json"), "utf8")).stats;
      return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
    },
  },
].filter((s) => only.length === 0 || only.some((o) => s.name === o || s.name.startsWith(`${o}:`)));

const results = [];
const started = Date.now();
for (const stage of stages) {
  console.log(`\n━━━ ${stage.name} ━━━`);
  const t0 = Date.now();
  const code = await new Promise((resolve) => {
    const child = spawn(stage.cmd[0], stage.cmd.slice(1), { stdio: "inherit", env: { ...env, ...stage.env } });
    child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  let counts;
  try {
    counts = stage.counts?.();
  } catch {
    counts = undefined; // the runner died before writing its report
  }
  // A check without test counts (lint, typecheck) counts as one test; a runner that failed without a report counts as one failure.
  if (!counts) counts = code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  results.push({ ...stage, code, counts, seconds: (Date.now() - t0) / 1000 });
}

console.log("\n━━━ summary ━━━");
for (const r of results) {
  const c = r.counts;
  console.log(
    `${r.code === 0 ? "ok  " : "FAIL"} ${r.name.padEnd(20)} ${String(c.passed).padStart(4)} passed ${String(c.failed).padStart(3)} failed ${String(c.skipped).padStart(3)} skipped  ${r.seconds.toFixed(1)} s`,
  );
}
const total = results.reduce(
  (a, r) => ({
    passed: a.passed + r.counts.passed,
    failed: a.failed + r.counts.failed,
    skipped: a.skipped + r.counts.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log(`total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
