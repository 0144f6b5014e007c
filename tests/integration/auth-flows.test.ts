import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readOutbox } from "@/lib/auth/outbox";
import { AuthTestClient, type RouteHandlers } from "../helpers/auth-client";
import { useTestDb } from "../helpers/db";
import { nextId } from "../helpers/orders";
import { testDbTarget } from "../helpers/test-db-target";

// Sign-in, sign-out and sign-in links through the real Auth.js route (app/api/auth/[...nextauth]/route.ts) on a
// real database, in-process. The store lives at APP_ORIGIN; requests may claim to arrive anywhere.

const APP_ORIGIN = "https://shop.example.com";
const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), "auth-flows-outbox-"));
const saved = { ...process.env };
Object.assign(process.env, {
  APP_URL: APP_ORIGIN,
  AUTH_SECRET: "auth-flows-test-secret-0123456789abcdefghijklmnop",
  AUTH_OUTBOX_DIR: outboxDir,
  AUTH_GITHUB_ID: "test-github-client",
  AUTH_GITHUB_SECRET: "test-github-secret",
});
delete process.env.AUTH_URL;
delete process.env.NEXTAUTH_URL;
delete process.env.AUTH_RESEND_KEY;

const t = useTestDb({ seed: false });
let route: RouteHandlers;

beforeAll(async () => {
  // Imported after the environment above is in place, as a server process would have it at start.
  route = await import("@/app/api/auth/[...nextauth]/route");
});

afterAll(() => {
  process.env = saved;
  fs.rmSync(outboxDir, { recursive: true, force: true });
});

/** Asks for a sign-in link the way the login form's POST reaches Auth.js, and returns the emailed URL. */
async function requestLink(client: AuthTestClient, email: string, headers: Record<string, string> = {}): Promise<URL> {
  const csrfToken = await client.csrfToken();
  const response = await client.post("/api/auth/signin/email", { email, csrfToken, callbackUrl: "/account/orders" }, headers);
  expect(response.status).toBe(302);
  expect(response.headers.get("location")).not.toMatch(/error=/);
  const [latest] = (await readOutbox(50)).filter((m) => m.to === email);
  expect(latest, `no sign-in email for ${email}`).toBeDefined();
  return new URL(latest!.url);
}

describe.skipIf(t.skipped)(`Auth.js flows on ${testDbTarget()}`, () => {
  describe("every auth URL is built on APP_URL, never on the request's host headers", () => {
    const forged = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", origin: "https://evil.example" };

    it("a sign-in link requested with X-Forwarded-Host: evil.example (and a matching Origin) points at the store", async () => {
      const client = new AuthTestClient(route, "https://evil.example");
      const email = `forged-host-${nextId()}@example.com`;
      const link = await requestLink(client, email, forged);
      expect(link.origin).toBe(APP_ORIGIN);
    });

    it("the OAuth redirect_uri sent to GitHub is on the store's origin too", async () => {
      const client = new AuthTestClient(route, "https://evil.example");
      const csrfToken = await client.csrfToken();
      const response = await client.post("/api/auth/signin/github", { csrfToken, callbackUrl: "/account/orders" }, forged);
      const location = new URL(response.headers.get("location")!);
      expect(location.origin).toBe("https://github.com");
      expect(location.searchParams.get("redirect_uri")).toBe(`${APP_ORIGIN}/api/auth/callback/github`);
    });
  });
});
