import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import {
  startEmbeddedDbServer,
  type EmbeddedDbEvent,
  type EmbeddedDbServer,
} from "../../scripts/embedded-db-server.mjs";
import { CARD, payOnHostedPage } from "./helpers/emulator-pages";
import { LAYLA, Store } from "./helpers/store";

// The README's own start path, `npm start` = scripts/with-db.mjs + `next start` on the embedded database, kept
// up across the things that broke it: the pool dropping an idle connection (node-postgres after 10 s; here after
// 300 ms, and the test waits for the server to SEE the connection close, not for time to pass) and the database
// server restarting under the running app. This process owns the embedded server, as `npm run db:studio` would,
// and the app joins it through the lock file, exactly as a second with-db process does.

let dataDir: string;
let db: EmbeddedDbServer;
let app: ChildProcess;
let appUrl: string;
let output = "";
const closes: number[] = [];
const closeWaiters: (() => void)[] = [];

function onEvent(event: EmbeddedDbEvent) {
  if (event.type !== "close") return;
  closes.push(event.id);
  for (const wake of closeWaiters.splice(0)) wake();
}

/**
 * The app goes idle long enough for its pool to drop the connection: one more database round trip (the health
 * check), then the server's own report that the connection closed.
 */
async function idle(): Promise<void> {
  const seen = closes.length;
  const closed = new Promise<void>((resolve) => {
    const check = () => (closes.length > seen ? resolve() : closeWaiters.push(check));
    check();
  });
  expect((await fetch(`${appUrl}/api/health`)).ok).toBe(true);
  await closed;
}

async function startDb(port = 0) {
  db = await startEmbeddedDbServer({ dataDir, port, onEvent });
  fs.writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: process.pid, port: db.port }));
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test.describe.configure({ mode: "serial", timeout: 240_000 });
test.use({ viewport: { width: 390, height: 844 } });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "npm-start-db-"));
  dataDir = path.join(root, "pglite");
  await startDb();
  const port = await freePort();
  appUrl = `http://localhost:${port}`;
  app = spawn(
    process.execPath,
    ["scripts/with-db.mjs", "node_modules/.bin/next", "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      env: {
        ...process.env,
        PGLITE_DATA_DIR: dataDir,
        APP_URL: appUrl,
        PORT: String(port),
        DATABASE_IDLE_TIMEOUT_MS: "300",
        NEXT_TELEMETRY_DISABLED: "1",
        AUTH_DEV_OUTBOX: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  app.stdout?.on("data", (chunk) => (output += chunk));
  app.stderr?.on("data", (chunk) => (output += chunk));
  // Up when the health check (a database round trip) answers; bounded by the hook's timeout.
  for (;;) {
    if (app.exitCode !== null) throw new Error(`the app exited (${app.exitCode}):\n${output}`);
    const ok = await fetch(`${appUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(output).toContain("using the embedded database already served by process");
});

test.afterAll(async () => {
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app.once("exit", resolve));
    app.kill("SIGTERM");
    await exited;
  }
  await db?.stop();
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

async function buyOne(page: Page, card: string) {
  const store = new Store(page, appUrl);
  await store.addToCart();
  await store.fillCheckout(LAYLA, "Pay on Paymob's secure page");
  await store.pay();
  await payOnHostedPage(page, card);
  await expect(page).toHaveURL(/\/checkout\/return\?/);
  // The callback (or, without one, the return page's inquiry after its grace period) settles it.
  await store.waitForStatus("Paid", 90_000);
}

test("payments keep confirming after the pool's idle reconnects and a database server restart", async ({ page }) => {
  await buyOne(page, CARD.approved);

  // Idle: the pool closes its connection; the next payment's callback runs on a new connection that prepares the
  // same named statements in the same PGlite session.
  await idle();
  await buyOne(page, CARD.approved);

  // Idle again, then a payment Paymob never calls back about: the return page's inquiry has to apply it.
  await idle();
  await buyOne(page, CARD.noCallback);

  // The database server restarts on the same port and folder while the app runs.
  const port = db.port;
  await db.stop();
  await startDb(port);
  await buyOne(page, CARD.approved);
  expect(output).not.toContain("already exists");
});
