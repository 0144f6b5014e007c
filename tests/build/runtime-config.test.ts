import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchHtmlWeight } from "../../scripts/bench/lib/html-weight";
import { nextBin } from "../../scripts/bench/lib/next-app";
import { startAppServer, type AppServer } from "../../scripts/app-server.mjs";
import { runToEnd } from "../../scripts/bench/lib/processes";

// One production build made WITHOUT Paymob keys (as Vercel builds before keys are added, or a Docker image
// built once for every environment), then started WITH them. What the browser is allowed to load must come
// from the running configuration, not from the build. The same server checks that a malformed server action
// call answers 400 rather than a 500 TypeError.
const REAL_KEYS = {
  PAYMOB_SECRET_KEY: "egy_sk_test_runtimeconfig0000",
  PAYMOB_PUBLIC_KEY: "egy_pk_test_runtimeconfig0000",
  PAYMOB_HMAC_SECRET: "RUNTIMECONFIGHMACSECRET",
  PAYMOB_PAYMENT_METHODS: "4900001",
};
// A fixed name, listed in tsconfig.json like the other build folders (next build adds any new one it meets);
// the build project runs its files one at a time.
const distDir = ".next-runtime-config";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "runtime-config-"));

function envWithoutPaymob(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
  };
  for (const key of Object.keys(env))
    if (key.startsWith("PAYMOB_") || key === "APP_URL" || key === "DATABASE_URL") delete env[key];
  return env;
}

let server: AppServer | undefined;
let origin = "";

// Where the embedded database would be if the build opened one: it must not (a clean clone builds with no
// database, and a Vercel build must not need Neon).
const buildDataDir = path.join(dataDir, "build-pglite");

beforeAll(async () => {
  const buildEnv = { ...envWithoutPaymob(), NEXT_SKIP_TYPECHECK: "1", PGLITE_DATA_DIR: buildDataDir };
  expect(await runToEnd(nextBin(), ["build"], buildEnv, 10 * 60_000)).toBe(0);
  // A free port, APP_URL on it, and a server that proves it is this suite's (scripts/app-server.mjs).
  const env = {
    ...envWithoutPaymob(),
    ...REAL_KEYS,
    PGLITE_DATA_DIR: path.join(dataDir, "pglite"),
    AUTH_SECRET: randomBytes(32).toString("hex"),
  };
  server = await startAppServer({ env });
  origin = server.origin;
}, 900_000);

afterAll(async () => {
  await server?.stop(); // waits for the real exit
  fs.rmSync(distDir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const directive = (policy: string, name: string) =>
  (policy.split("; ").find((d) => d.startsWith(`${name} `)) ?? "").split(" ").slice(1);

describe("next build", () => {
  it("opens no database", () => {
    expect(fs.existsSync(buildDataDir)).toBe(false);
    expect(fs.existsSync(`${buildDataDir}.lock`)).toBe(false);
  });
});

describe("a build without Paymob keys, started with them", () => {
  it("allows the real Paymob hosts and the Pixel folder, not the emulator the build would have used", async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(directive(policy, "connect-src")).toContain("https://accept.paymob.com");
    expect(directive(policy, "frame-src")).toEqual(
      expect.arrayContaining(["https://accept.paymob.com", "https://eg.checkout.paymob.com"]),
    );
    expect(directive(policy, "script-src")).toContain("https://cdn.jsdelivr.net/npm/paymob-pixel@latest/");
    expect(directive(policy, "style-src")).toContain("https://cdn.jsdelivr.net/npm/paymob-pixel@latest/");
    expect(policy).not.toMatch(/localhost|paymob-emulator/);
    expect(response.headers.get("permissions-policy")).toContain('"https://eg.checkout.paymob.com"');
  });

  it("runs only the scripts Next.js rendered with this response's nonce, a new one each time", async () => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${origin}/`);
      const scriptSrc = directive(response.headers.get("content-security-policy") ?? "", "script-src");
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      const nonce = /^'nonce-(.+)'$/.exec(scriptSrc.find((s) => s.startsWith("'nonce-")) ?? "")?.[1];
      expect(nonce).toBeTruthy();
      const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(3);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      nonces.push(nonce!);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("keeps the configuration-independent headers on every response, API routes included", async () => {
    const health = await fetch(`${origin}/api/health`);
    expect(health.headers.get("x-content-type-options")).toBe("nosniff");
    expect(health.headers.get("content-security-policy")).toBeNull(); // JSON: the proxy does not run there
  });
});

// On this suite's build, as any production build serves it. experimental.inlineCss wrote Tailwind's whole sheet
// into every page three times (a <style>, and twice more in the RSC payload: the page tree and the global-error
// boundary), ~128 KB of a 207 KB home page; next.config.ts says why the sheet is linked instead.
describe("HTML weight", () => {
  it.each(["/", "/products/aswan-clay-mug", "/login"])(
    "%s carries the stylesheet's text at most once",
    async (page) => {
      const weight = await fetchHtmlWeight(`${origin}${page}`);
      expect(weight.stylesheetBytes, "the page names Tailwind's stylesheet").toBeGreaterThan(10_000);
      expect(weight.stylesheetCopies).toBeLessThanOrEqual(1);
    },
  );
});

describe("malformed server action calls", () => {
  async function addToCartForm() {
    const html = await (await fetch(`${origin}/products/aswan-clay-mug`)).text();
    const form = (html.match(/<form\b[\s\S]*?<\/form>/g) ?? []).find((f) => f.includes('name="$ACTION_REF_')) ?? "";
    const fields = [...form.matchAll(/<input\b[^>]*>/g)]
      .map(([tag]) => ({ name: attribute(tag, "name"), value: attribute(tag, "value") ?? "" }))
      .filter((f) => f.name);
    const meta = fields.find((f) => /^\$ACTION_\d+:0$/.test(f.name!));
    const actionId = (JSON.parse(meta?.value ?? "{}") as { id?: string }).id;
    expect(actionId, "the product page renders a useActionState form").toMatch(/^[0-9a-f]{42}$/);
    return { fields: fields as { name: string; value: string }[], actionId: actionId! };
  }

  it("answers 400 with a reason when a string stands where the form goes, instead of a 500 TypeError", async () => {
    const { actionId } = await addToCartForm();
    const response = await fetch(`${origin}/products/aswan-clay-mug`, {
      method: "POST",
      headers: { "next-action": actionId, "content-type": "text/plain;charset=UTF-8", origin },
      body: JSON.stringify([null, "productId=1"]),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Malformed server action request: argument 2 must be the submitted form/);
  });

  it("answers 400 when a form posted without JavaScript names the action so that the form lands first", async () => {
    const { actionId } = await addToCartForm();
    const body = new FormData();
    body.set(`$ACTION_ID_${actionId}`, "");
    body.set("productId", "1");
    expect(
      (await fetch(`${origin}/products/aswan-clay-mug`, { method: "POST", body, redirect: "manual" })).status,
    ).toBe(400);
  });

  it("still takes the form as the page posts it without JavaScript", async () => {
    const { fields } = await addToCartForm();
    const body = new FormData();
    for (const { name, value } of fields) body.append(name, value);
    const response = await fetch(`${origin}/products/aswan-clay-mug`, { method: "POST", body, redirect: "manual" });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie") ?? "").toMatch(/\bsf_cart=[0-9a-f-]{36}/); // the item went into a new cart
  });
});

function attribute(tag: string, name: string): string | undefined {
  const raw = new RegExp(`\\b${name.replace("$", "\\$")}="([^"]*)"`).exec(tag)?.[1];
  return raw
    ?.replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
