import fs from "node:fs";
import path from "node:path";
import { runToEnd } from "./processes";

const NEXT_BIN = path.resolve("node_modules/.bin/next");

/** Newest modification time under the folders a production build is made from. */
function newestSource(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string, depth: number) => {
    if (depth > 8 || !fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, depth + 1);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of dirs) walk(dir, 0);
  return newest;
}

/**
 * A production build of this app in `distDir`: reused when present (say so when the sources are newer),
 * rebuilt when missing or when `rebuild` is set. Type-checking is skipped: `npm run typecheck` does that.
 */
export async function ensureProductionBuild(distDir: string, rebuild: boolean): Promise<void> {
  const buildId = path.join(distDir, "BUILD_ID");
  if (!rebuild && fs.existsSync(buildId)) {
    if (newestSource(["app", "lib", "db", "components"]) > fs.statSync(buildId).mtimeMs) {
      console.warn(`note: sources changed after ${distDir} was built; pass --rebuild to measure the current code`);
    }
    console.log(`using the production build in ${distDir} (BUILD_ID ${fs.readFileSync(buildId, "utf8").trim()})`);
    return;
  }
  console.log(`building the app into ${distDir} (next build, type-check skipped)…`);
  const started = Date.now();
  const code = await runToEnd(
    NEXT_BIN,
    ["build"],
    {
      ...process.env,
      NEXT_DIST_DIR: distDir,
      NEXT_SKIP_TYPECHECK: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
    15 * 60_000,
  );
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export const nextBin = () => NEXT_BIN;
