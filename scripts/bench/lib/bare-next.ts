import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runToEnd } from "./processes";

/**
 * The smallest App Router app: a root layout and a page that renders one word, built with this repo's own
 * next/react (node_modules symlinked) into a temporary folder. Its first-load JS is what any Next page costs,
 * the yardstick for ours.
 */
export async function buildBareNextApp(): Promise<{ dir: string; remove: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-bare-next-"));
  fs.symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"), "dir");
  fs.mkdirSync(path.join(dir, "app"));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bare-next", private: true, type: "module" }));
  fs.writeFileSync(path.join(dir, "next.config.mjs"), `// Its node_modules is a symlink into this repo, so the workspace root has to contain both.\nexport default { turbopack: { root: "/" } };\n`);
  fs.writeFileSync(path.join(dir, "app", "layout.js"), `export default function RootLayout({ children }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n`);
  fs.writeFileSync(path.join(dir, "app", "page.js"), `export default function Page() {\n  return <p>Hello</p>;\n}\n`);
  const code = await runToEnd(path.resolve("node_modules/.bin/next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", NEXT_DIST_DIR: "" }, 10 * 60_000, dir);
  if (code !== 0) throw new Error(`bare Next app build failed (exit ${code}) in ${dir}`);
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
