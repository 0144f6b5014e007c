import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runToEnd } from "./processes";

export type BareApp = { dir: string; remove: () => void };

/**
 * The smallest App Router app: a root layout and a page that renders one word. Its first-load JS is what any
 * Next page costs, the yardstick for ours.
 */
export function buildBareNextApp(): Promise<BareApp> {
  return buildBareApp("bench-bare-next-", {
    "app/page.js": `export default function Page() {\n  return <p>Hello</p>;\n}\n`,
  });
}

/**
 * A bare app whose only route is an empty POST /api/paymob/callback: it reads the body and answers JSON, the
 * least any Next route handler does. Its throughput is the framework's ceiling on this machine.
 */
export function buildBareCallbackApp(): Promise<BareApp> {
  return buildBareApp("bench-bare-route-", {
    "app/api/paymob/callback/route.js": `export async function POST(request) {\n  await request.text();\n  return Response.json({ ok: true, outcome: "ceiling" });\n}\n`,
  });
}

/** Built with this repo's own next/react (node_modules symlinked) into a temporary folder. */
async function buildBareApp(prefix: string, files: Record<string, string>): Promise<BareApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  fs.symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"), "dir");
  const all: Record<string, string> = {
    "package.json": JSON.stringify({ name: "bare-next", private: true, type: "module" }),
    "next.config.mjs": `// Its node_modules is a symlink into this repo, so the workspace root has to contain both.\nexport default { turbopack: { root: "/" } };\n`,
    "app/layout.js": `export default function RootLayout({ children }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n`,
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const code = await runToEnd(
    path.resolve("node_modules/.bin/next"),
    ["build"],
    { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", NEXT_DIST_DIR: "" },
    10 * 60_000,
    dir,
  );
  if (code !== 0) throw new Error(`bare Next app build failed (exit ${code}); its files are left in ${dir}`);
  return { dir, remove };
}
