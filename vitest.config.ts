import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React Server Components; tests import server modules directly.
  "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty-module.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/helpers/fast-check-seed.ts"],
          // Failure bounds, not speed checks: a test that spawns a process or boots PGlite can take many times
          // longer on a CPU shared with other builds, and must still pass there.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // tooling/ tests the dev scripts (app server, embedded database, lock file, page benchmark): they start their
          // own processes and PGlite, never the suite's database, so they run once, on the default PGlite pass.
          exclude: [
            ...configDefaults.exclude,
            ...((process.env.TEST_DB ?? "pglite") === "pglite" ? [] : ["tests/integration/tooling/**"]),
          ],
          environment: "node",
          globalSetup: ["tests/helpers/integration-global-setup.ts"],
          setupFiles: ["tests/helpers/fast-check-seed.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite boots a WASM Postgres per file; two at a time is what 2 cores sustain.
          maxWorkers: 2,
          // next-auth imports "next/server" without the ".js" Node's ESM resolver needs outside Next; bundling it
          // through Vite (as Next does) lets the auth tests drive the real Auth.js route handlers in-process.
          server: { deps: { inline: ["next-auth"] } },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "build",
          include: ["tests/build/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 400_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
