import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { chromium } from "@playwright/test";

// The port: E2E_PORT when set, otherwise a free one that scripts/e2e-server.mjs picks and announces; Playwright
// stores it in E2E_PORT (the `wait` pattern below) before it starts the workers, which read it here.
// Auth.js derives its origin as localhost, so the browser uses localhost too.
const baseURL = process.env.E2E_PORT ? `http://localhost:${process.env.E2E_PORT}` : undefined;

/**
 * Playwright's own Chromium when it is installed (a developer's machine); otherwise the system Chromium
 * (Debian's /usr/bin/chromium in CI, where Playwright cannot download browsers).
 */
function chromiumExecutable(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE) return process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  try {
    if (fs.existsSync(chromium.executablePath())) return undefined;
  } catch {
    /* no bundled browser */
  }
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => fs.existsSync(p));
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    // The server proves it is this run's (its health check echoes an id it was given) before printing this.
    wait: { stdout: /\[e2e\] server \S+ ready on port (?<e2e_port>\d+)/ },
    timeout: 900_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
      // The accounts spec signs in as this admin and reads magic links from the local outbox.
      ADMIN_EMAILS: process.env.ADMIN_EMAILS ?? "admin@example.com",
      AUTH_DEV_OUTBOX: "1",
    },
  },
});
