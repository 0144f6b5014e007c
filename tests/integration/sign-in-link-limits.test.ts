import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { verificationTokens } from "@/db/schema";
import type { MagicLinkState } from "@/lib/auth/actions";
import { readOutbox } from "@/lib/mail/outbox";
import { AuthTestClient, type RouteHandlers } from "../helpers/auth-client";
import { useTestDb } from "../helpers/db";
import { nextId } from "../helpers/orders";
import { testDbTarget } from "../helpers/test-db-target";

// Sign-in link limits through both ways of asking for a link: Auth.js's POST /api/auth/signin/email (the real
// route handler, in-process) and the login form's server action. Date is frozen, so no window can roll over
// between two requests of a test; a test moves it on purpose.

const APP_ORIGIN = "https://shop.example.com";

// What next/headers gives the server action (outside Next): the request's headers and a cookie jar.
const request = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>() }));
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
    delete: (name: string) => void request.cookies.delete(name),
  }),
}));

// The action redirects in the request's language (lib/i18n/redirect.ts); outside Next there is no [locale] segment.
vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));

const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), "sign-in-limits-outbox-"));
const saved = { ...process.env };
Object.assign(process.env, {
  APP_URL: APP_ORIGIN,
  AUTH_SECRET: "sign-in-limits-test-secret-0123456789abcdefghij",
  AUTH_OUTBOX_DIR: outboxDir,
});
for (const name of ["AUTH_URL", "NEXTAUTH_URL", "AUTH_RESEND_KEY", "TRUSTED_PROXY", "VERCEL"]) delete process.env[name];

const t = useTestDb({ seed: false });
let route: RouteHandlers;
let requestMagicLink: (prev: MagicLinkState, form: FormData) => Promise<MagicLinkState>;

beforeAll(async () => {
  route = await import("@/app/api/auth/[...nextauth]/route");
  ({ requestMagicLink } = await import("@/lib/auth/actions"));
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2031-05-05T10:00:01.000Z"));
});

afterAll(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  process.env = saved;
  fs.rmSync(outboxDir, { recursive: true, force: true });
});

/** POST /api/auth/signin/email as Auth.js's own form would, from `client` (the address a proxy appended). */
async function askForLink(email: string, forwardedFor: string): Promise<Response> {
  const browser = new AuthTestClient(route, APP_ORIGIN);
  const csrfToken = await browser.csrfToken();
  return browser.post(
    "/api/auth/signin/email",
    { email, csrfToken, callbackUrl: "/account/orders" },
    { "x-forwarded-for": forwardedFor },
  );
}

/** Where Auth.js sends the browser once the email is out. */
const SENT = `${APP_ORIGIN}/api/auth/verify-request?provider=email&type=email`;
const emailsTo = async (email: string) => (await readOutbox(500)).filter((m) => m.to === email).length;
const tokensFor = async (email: string) =>
  (await t.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, email))).length;

describe.skipIf(t.skipped)(`sign-in link limits on ${testDbTarget()}`, () => {
  it("the sixth link to one mailbox in 15 minutes is refused: no email, no new token, the login page says why", async () => {
    const email = `mailbomb-${nextId()}@example.com`;
    for (let i = 0; i < 5; i++) {
      const sent = await askForLink(email, `192.0.2.${i + 1}`);
      expect(sent.headers.get("location")).toBe(SENT);
    }
    const refused = await askForLink(email, "192.0.2.99");
    expect(refused.status).toBe(302);
    const location = new URL(refused.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(`${APP_ORIGIN}/login`);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      error: "TooManyRequests",
      scope: "email",
      wait: "899",
    });
    expect(await emailsTo(email)).toBe(5);
    expect(await tokensFor(email)).toBe(1); // the newest link of the five still works

    vi.setSystemTime(new Date(Date.now() + 15 * 60 * 1000));
    expect((await askForLink(email, "192.0.2.100")).headers.get("location")).toBe(SENT);
    expect(await emailsTo(email)).toBe(6);
  });

  it("the 21st link from one client address is refused, whatever it prepends to X-Forwarded-For", async () => {
    const client = `203.0.113.${nextId() % 250}`;
    const answers = [];
    for (let i = 0; i < 21; i++)
      answers.push(await askForLink(`spam-${nextId()}@example.com`, `10.9.${i}.1, ${client}`));
    expect(answers.slice(0, 20).map((r) => r.headers.get("location"))).toEqual(Array(20).fill(SENT));
    expect(answers[20]!.headers.get("location")).toMatch(/\/login\?error=TooManyRequests&scope=client&wait=\d+$/);
  });

  it("the login form's server action shows the refusal in the form, with the wait", async () => {
    const email = `form-${nextId()}@example.com`;
    request.headers = new Headers({
      host: "shop.example.com",
      "x-forwarded-proto": "https",
      "x-forwarded-for": `198.51.100.${nextId() % 250}`,
    });
    const submit = () => {
      const form = new FormData();
      form.set("email", email);
      form.set("callbackUrl", "/account/orders");
      return requestMagicLink({ status: "idle" }, form);
    };
    for (let i = 0; i < 5; i++)
      await expect(submit()).rejects.toMatchObject({ digest: expect.stringContaining("/login/check-email") });
    // A code and the wait; the form words it in the page's language (components/account/auth-errors.ts).
    expect(await submit()).toEqual({
      status: "error",
      email,
      error: "tooMany",
      tooMany: { scope: "email", waitSeconds: expect.any(Number) },
    });
    expect(await emailsTo(email)).toBe(5);
  });
});
