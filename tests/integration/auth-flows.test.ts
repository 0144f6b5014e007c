import { eq } from "drizzle-orm";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { orders, users, verificationTokens } from "@/db/schema";
import { VISITOR_COOKIE } from "@/lib/checkout/ownership/visitor";
import { closeSession, isSessionOpen, openSession, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/queries";
import { readOutbox } from "@/lib/mail/outbox";
import { MAGIC_LINKS_PER_EMAIL } from "@/lib/rate-limit/rules";
import { AuthTestClient, type RouteHandlers } from "../helpers/auth-client";
import { useTestDb } from "../helpers/db";
import { nextId, TEST_BUYER } from "../helpers/orders";
import { testDbTarget } from "../helpers/test-db-target";

// Sign-in, sign-out and sign-in links through the real Auth.js route (app/api/auth/[...nextauth]/route.ts) on a
// real database, in-process. The store lives at APP_ORIGIN; requests may claim to arrive anywhere.

const APP_ORIGIN = "https://shop.example.com";

// The cookies the app itself sets through next/headers (the guest visitor id) during a request, outside Next.
const appCookies = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  cookies: async () => ({
    get: (name: string) => (appCookies.has(name) ? { name, value: appCookies.get(name)! } : undefined),
    set: (name: string, value: string) => void appCookies.set(name, value),
    delete: (name: string) => void appCookies.delete(name),
  }),
}));
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
  const response = await client.post(
    "/api/auth/signin/email",
    { email, csrfToken, callbackUrl: "/account/orders" },
    headers,
  );
  expect(response.status).toBe(302);
  expect(response.headers.get("location")).not.toMatch(/error=/);
  const [latest] = (await readOutbox(50)).filter((m) => m.to === email);
  expect(latest, `no sign-in email for ${email}`).toBeDefined();
  return new URL(latest!.url);
}

/** The Auth.js callback that consumes a link's token, as the confirmation page's form posts to it. */
const callbackPath = (link: URL) => `/api/auth/callback/email${link.search}`;
const tokensFor = async (email: string) =>
  (await t.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, email))).length;
const sessionEmail = async (client: AuthTestClient) =>
  ((await (await client.get("/api/auth/session")).json()) as { user?: { email?: string } } | null)?.user?.email;

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
      const response = await client.post(
        "/api/auth/signin/github",
        { csrfToken, callbackUrl: "/account/orders" },
        forged,
      );
      const location = new URL(response.headers.get("location")!);
      expect(location.origin).toBe("https://github.com");
      expect(location.searchParams.get("redirect_uri")).toBe(`${APP_ORIGIN}/api/auth/callback/github`);
    });
  });

  describe("the sign-in email is written in the language of the page that asked for it", () => {
    // The login form's server action passes getLocale() as signIn()'s third argument, which lands here: the query
    // of Auth.js's sign-in request (lib/auth/magic-link.ts, signInLocale).
    const ask = async (client: AuthTestClient, email: string, query: string) => {
      const csrfToken = await client.csrfToken();
      const response = await client.post(`/api/auth/signin/email${query}`, {
        email,
        csrfToken,
        callbackUrl: "/account/orders",
      });
      expect(response.status).toBe(302);
      const [latest] = (await readOutbox(50)).filter((m) => m.to === email);
      return latest!;
    };

    it("Arabic: subject, right-to-left HTML, and a link to the Arabic confirmation page that still signs in", async () => {
      const client = new AuthTestClient(route, APP_ORIGIN);
      const email = `arabic-${nextId()}@example.com`;
      const message = await ask(client, email, "?lang=ar");
      expect(message.subject).toBe("رابط تسجيل الدخول إلى \u2066Nile & Co.\u2069");
      expect(message.html).toContain('<html lang="ar" dir="rtl">');
      expect(message.text).toContain("خلال ١٥ دقيقة");
      const link = new URL(message.url);
      expect(link.origin).toBe(APP_ORIGIN);
      expect(link.pathname).toBe("/ar/login/confirm");
      const signedIn = await client.post(callbackPath(link), {}, { origin: APP_ORIGIN });
      expect(signedIn.status).toBe(302);
      expect(await sessionEmail(client)).toBe(email);
    });

    it("English without a language, and for one the store does not speak", async () => {
      for (const query of ["", "?lang=fr", "?lang=ar%00"]) {
        const client = new AuthTestClient(route, APP_ORIGIN);
        const email = `english-${nextId()}@example.com`;
        const message = await ask(client, email, query);
        expect(message.subject).toBe("Sign in to Nile & Co.");
        expect(message.html).toContain('<html lang="en" dir="ltr">');
        expect(new URL(message.url).pathname).toBe("/login/confirm");
      }
    });
  });

  describe("a sign-in link signs in only through its confirmation page's POST", () => {
    const sameSite = { origin: APP_ORIGIN };

    it("the email links to a 'Sign in as …' page; opening the link or Auth.js's callback with GET consumes nothing", async () => {
      const client = new AuthTestClient(route, APP_ORIGIN);
      const email = `prefetch-${nextId()}@example.com`;
      const link = await requestLink(client, email);
      expect(link.pathname).toBe("/login/confirm");
      expect(link.searchParams.get("email")).toBe(email);
      expect(link.searchParams.get("token")).toBeTruthy();

      // A mail scanner (or an older link) fetching Auth.js's callback directly is sent to the confirmation page.
      const scanned = await client.get(callbackPath(link));
      expect([302, 303, 307]).toContain(scanned.status);
      expect(scanned.headers.get("location")).toBe(link.toString());
      expect(client.sessionCookie()).toBeUndefined();
      expect(await tokensFor(email)).toBe(1);
    });

    it("refuses the POST from another site or without an Origin (login CSRF), and a link without its address", async () => {
      const client = new AuthTestClient(route, APP_ORIGIN);
      const email = `csrf-${nextId()}@example.com`;
      const link = await requestLink(client, email);
      expect((await client.post(callbackPath(link), {}, { origin: "https://evil.example" })).status).toBe(403);
      expect((await client.post(callbackPath(link), {})).status).toBe(403);
      // Without the address Auth.js would not check whose token it is; the page could not say who you become.
      const anonymous = new URL(link);
      anonymous.searchParams.delete("email");
      const refused = await client.post(callbackPath(anonymous), {}, sameSite);
      expect(refused.headers.get("location")).toMatch(/\/login\?error=Verification$/);
      expect(client.sessionCookie()).toBeUndefined();
      expect(await tokensFor(email)).toBe(1);
    });

    it("the same-site POST signs in once; the link is dead afterwards", async () => {
      const client = new AuthTestClient(route, APP_ORIGIN);
      const email = `confirm-${nextId()}@example.com`;
      const link = await requestLink(client, email);
      const signedIn = await client.post(callbackPath(link), {}, sameSite);
      expect(signedIn.headers.get("location")).toBe(`${APP_ORIGIN}/account/orders`);
      expect(await sessionEmail(client)).toBe(email);
      expect(await tokensFor(email)).toBe(0);

      const again = new AuthTestClient(route, APP_ORIGIN);
      const replayed = await again.post(callbackPath(link), {}, sameSite);
      expect(replayed.headers.get("location")).toMatch(/\/login\?error=Verification$/);
      expect(again.sessionCookie()).toBeUndefined();
    });

    it("asking for a new link kills the older ones for that address, even when asked for at once", async () => {
      const client = new AuthTestClient(route, APP_ORIGIN);
      const email = `again-${nextId()}@example.com`;
      const first = await requestLink(client, email);
      const second = await requestLink(client, email);
      expect(await tokensFor(email)).toBe(1);
      const stale = await new AuthTestClient(route, APP_ORIGIN).post(callbackPath(first), {}, sameSite);
      expect(stale.headers.get("location")).toMatch(/\/login\?error=Verification$/);
      const fresh = new AuthTestClient(route, APP_ORIGIN);
      await fresh.post(callbackPath(second), {}, sameSite);
      expect(await sessionEmail(fresh)).toBe(email);

      const racer = `race-${nextId()}@example.com`;
      // As many at once as one address may ask for (lib/rate-limit/rules.ts).
      await Promise.all(
        Array.from({ length: MAGIC_LINKS_PER_EMAIL.limit }, () =>
          requestLink(new AuthTestClient(route, APP_ORIGIN), racer),
        ),
      );
      expect(await tokensFor(racer)).toBe(1);
    });
  });

  describe("signing out ends the session for good; the guest visitor id changes at sign-in and sign-out", () => {
    const sameSite = { origin: APP_ORIGIN };
    const visitorId = () => `visitor${nextId()}`.padEnd(40, "x");

    beforeEach(() => appCookies.clear());

    async function signIn(client: AuthTestClient, email: string): Promise<void> {
      const link = await requestLink(client, email);
      await client.post(callbackPath(link), {}, sameSite);
      expect(await sessionEmail(client)).toBe(email);
    }

    it("a session cookie copied before sign-out opens nothing afterwards", async () => {
      const client = new AuthTestClient(route, APP_ORIGIN);
      const email = `copied-${nextId()}@example.com`;
      await signIn(client, email);
      const copied = new Map(client.cookies);

      const signedOut = await client.post(
        "/api/auth/signout",
        { csrfToken: await client.csrfToken(), callbackUrl: "/" },
        sameSite,
      );
      expect(signedOut.headers.get("location")).toBe(`${APP_ORIGIN}/`);
      expect(client.sessionCookie()).toBeUndefined();

      const thief = new AuthTestClient(route, APP_ORIGIN);
      for (const [name, value] of copied) thief.cookies.set(name, value);
      expect(thief.sessionCookie()).toBeTruthy();
      expect(await sessionEmail(thief)).toBeUndefined();
    });

    it("other sessions of the same person stay signed in", async () => {
      const email = `two-devices-${nextId()}@example.com`;
      const phone = new AuthTestClient(route, APP_ORIGIN);
      const laptop = new AuthTestClient(route, APP_ORIGIN);
      await signIn(phone, email);
      await signIn(laptop, email);
      await phone.post("/api/auth/signout", { csrfToken: await phone.csrfToken(), callbackUrl: "/" }, sameSite);
      expect(await sessionEmail(laptop)).toBe(email);
    });

    it("a session ends 30 days after sign-in however active, or at sign-out, and only that one", async () => {
      const [user] = await t.db
        .insert(users)
        .values({ email: `lifetime-${nextId()}@example.com` })
        .returning();
      const signedInAt = new Date("2026-03-01T10:00:00Z");
      const at = (seconds: number) => new Date(signedInAt.getTime() + seconds * 1000);
      const sid = await openSession(t.db, user!.id, signedInAt);
      const other = await openSession(t.db, user!.id, signedInAt);
      expect(await isSessionOpen(t.db, sid, at(SESSION_MAX_AGE_SECONDS - 1))).toBe(true);
      expect(await isSessionOpen(t.db, sid, at(SESSION_MAX_AGE_SECONDS))).toBe(false);
      await closeSession(t.db, sid);
      expect(await isSessionOpen(t.db, sid, signedInAt)).toBe(false);
      expect(await isSessionOpen(t.db, other, signedInAt)).toBe(true);
      expect(await isSessionOpen(t.db, "never-issued", signedInAt)).toBe(false);
    });

    it("rotates the visitor id at sign-in and at sign-out, and still hands the guest orders to the verified account", async () => {
      const email = `rotate-${nextId()}@example.com`;
      const guestId = visitorId();
      appCookies.set(VISITOR_COOKIE, guestId);
      const [order] = await t.db
        .insert(orders)
        .values({
          reference: `PS-R${nextId()}`,
          totalMinor: 5_000,
          currency: "EGP",
          checkoutKey: `rotate-${nextId()}`,
          guestId,
          email,
          ...TEST_BUYER,
        })
        .returning();

      const client = new AuthTestClient(route, APP_ORIGIN);
      await signIn(client, email);
      const afterSignIn = appCookies.get(VISITOR_COOKIE);
      expect(afterSignIn).toMatch(/^[A-Za-z0-9_-]{32,64}$/);
      expect(afterSignIn).not.toBe(guestId);
      const [user] = await t.db.select().from(users).where(eq(users.email, email));
      expect((await t.db.select().from(orders).where(eq(orders.id, order!.id)))[0]?.userId).toBe(user!.id);

      await client.post("/api/auth/signout", { csrfToken: await client.csrfToken(), callbackUrl: "/" }, sameSite);
      const afterSignOut = appCookies.get(VISITOR_COOKIE);
      expect(afterSignOut).toMatch(/^[A-Za-z0-9_-]{32,64}$/);
      expect(afterSignOut).not.toBe(afterSignIn);
    });
  });
});
