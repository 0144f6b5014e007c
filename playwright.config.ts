import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { chromium } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// Auth.js derives its origin as localhost, so the browser uses localhost too (see TOOLCHAIN.md §4).
const baseURL = `http://localhost:${port}`;

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
      args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      APP_URL: baseURL,
      PGLITE_DATA_DIR: process.env.E2E_PGLITE_DATA_DIR ?? `.data/pglite-e2e-${port}`,
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
      // The accounts spec signs in as this admin and reads magic links from the local outbox.
      ADMIN_EMAILS: process.env.ADMIN_EMAILS ?? "admin@example.com",
      AUTH_DEV_OUTBOX: "1",
    },
  },
});
