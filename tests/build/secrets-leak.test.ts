import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../../scripts/app-server.mjs";

// Builds the app with recognisable fake secrets, then proves none of them reaches the browser: not in any
// file under .next/static, and not in any HTML the server renders. Real-key mode on purpose (the emulator's
// credentials are public anyway); no page fetched here calls Paymob.
const CANARIES = {
  PAYMOB_SECRET_KEY: "egy_sk_test_CANARYSECRETKEY7f3a9c",
  PAYMOB_HMAC_SECRET: "CANARYHMACSECRET5E1D0B7A",
  PAYMOB_API_KEY: "CANARYAPIKEY2c8e41",
  AUTH_SECRET: "CANARYAUTHSECRET-0123456789abcdefghijklmnop",
};
const PUBLIC = { PAYMOB_PUBLIC_KEY: "egy_pk_test_publicisfine", PAYMOB_PAYMENT_METHODS: "4900001" };
const distDir = ".next-secrets";
// Its own embedded database folder, outside the project: nothing shared with another suite or clone.
const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "storefront-secrets-"));
const env = {
  ...process.env,
  ...CANARIES,
  ...PUBLIC,
  NEXT_DIST_DIR: distDir,
  NEXT_SKIP_TYPECHECK: "1",
  NEXT_TELEMETRY_DISABLED: "1",
  PGLITE_DATA_DIR: path.join(dataRoot, "pglite"),
};

let server: AppServer | undefined;

function run(cmd: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

beforeAll(async () => {
  fs.rmSync(distDir, { recursive: true, force: true });
  expect(await run("node_modules/.bin/next", ["build"])).toBe(0);
  // `next build` must never open a database: the embedded one would exist now if any page touched it.
  expect(fs.existsSync(env.PGLITE_DATA_DIR), "next build opened the embedded database").toBe(false);
  // A free port, and a server that proves it is this suite's (scripts/app-server.mjs).
  server = await startAppServer({ env });
}, 900_000);

afterAll(async () => {
  // Waits for the server's real exit (SIGKILL after a grace period), however early it happened.
  await server?.stop();
  fs.rmSync(dataRoot, { recursive: true, force: true });
}, 120_000);

describe("secrets never reach the browser", () => {
  it("no secret value appears in any file of the client bundle", () => {
    const files = filesUnder(path.join(distDir, "static"));
    expect(files.length).toBeGreaterThan(5);
    const leaks = files.flatMap((file) => {
      const text = fs.readFileSync(file, "latin1");
      return Object.entries(CANARIES)
        .filter(([, value]) => text.includes(value))
        .map(([name]) => `${name} in ${file}`);
    });
    expect(leaks).toEqual([]);
  });

  it("no secret value appears in any rendered page", async () => {
    const paths = [
      "/",
      "/products/aswan-clay-mug",
      "/cart",
      "/checkout",
      "/login",
      "/checkout/return?merchant_order_id=nope",
      "/does-not-exist",
    ];
    for (const p of paths) {
      const response = await fetch(`${server!.origin}${p}`, { redirect: "manual" });
      const html = await response.text();
      expect(response.status, p).toBeLessThan(500);
      for (const [name, value] of Object.entries(CANARIES))
        expect(html.includes(value), `${name} leaked on ${p}`).toBe(false);
    }
  });

  it("the scan reads what is really served (sanity check of the check itself)", async () => {
    const bundle = filesUnder(path.join(distDir, "static"))
      .map((f) => fs.readFileSync(f, "latin1"))
      .join("\n");
    expect(bundle).not.toContain(CANARIES.PAYMOB_SECRET_KEY);
    // Sanity: the scan does find strings that are in the bundle (React is there).
    expect(bundle).toContain("react");
  });
});
