import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listCustomerOrders, loadCustomerOrder } from "@/lib/orders/queries";
import type { Db } from "@/db/client";
import { orderLines, orders, users } from "@/db/schema";
import { attachGuestOrders } from "@/lib/auth/queries";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { outboxEnabled } from "@/lib/mail/outbox";
import { authProviders, emailDelivery } from "@/lib/auth/providers";
import { completeSignIn } from "@/lib/auth/sign-in";
import { verifiedEmailOf } from "@/lib/auth/verified-email";
import { useTestDb } from "../helpers/db";
import { nextId, TEST_BUYER } from "../helpers/orders";
import { testDbTarget } from "../helpers/test-db-target";

const t = useTestDb({ seed: false });

async function createUser(db: Db, email: string): Promise<string> {
  const [user] = await db.insert(users).values({ email }).returning({ id: users.id });
  return user!.id;
}

async function createOrder(
  db: Db,
  values: { email: string; userId?: string | null; createdAt?: Date; lines?: string[] },
) {
  const id = nextId();
  const [order] = await db
    .insert(orders)
    .values({
      reference: `PS-A${id}`,
      totalMinor: 12_500,
      currency: "EGP",
      checkoutKey: `auth-${id}`,
      guestId: `guest-${id}`,
      userId: values.userId ?? null,
      email: values.email,
      ...TEST_BUYER,
      createdAt: values.createdAt,
    })
    .returning();
  return order!;
}

const ownerOf = async (db: Db, orderId: string) =>
  (await db.select({ userId: orders.userId }).from(orders).where(eq(orders.id, orderId)))[0]?.userId;

describe.skipIf(t.skipped)(`accounts on ${testDbTarget()}`, () => {
  describe("guest orders join the account only for the verified email", () => {
    it("attaches the unowned orders placed with that email, whatever its case, and nothing else", async () => {
      const alice = await createUser(t.db, `alice-${nextId()}@example.com`);
      const bob = await createUser(t.db, `bob-${nextId()}@example.com`);
      const email = `Shopper.${nextId()}@Example.com`;
      const guest = await createOrder(t.db, { email });
      const shouted = await createOrder(t.db, { email: email.toUpperCase() });
      const bobs = await createOrder(t.db, { email, userId: bob }); // already in Bob's account
      const other = await createOrder(t.db, { email: `someone-else-${nextId()}@example.com` });

      const attached = await attachGuestOrders(t.db, alice, `  ${email.toLowerCase()} `);

      expect(attached.sort()).toEqual([guest.reference, shouted.reference].sort());
      expect(await ownerOf(t.db, guest.id)).toBe(alice);
      expect(await ownerOf(t.db, shouted.id)).toBe(alice);
      expect(await ownerOf(t.db, bobs.id)).toBe(bob);
      expect(await ownerOf(t.db, other.id)).toBeNull();
      // Idempotent: signing in again claims nothing new.
      expect(await attachGuestOrders(t.db, alice, email)).toEqual([]);
    });

    it("a magic-link sign-in claims the orders; an unverified OAuth email claims none", async () => {
      const email = `verified-${nextId()}@example.com`;
      const order = await createOrder(t.db, { email });
      const impostor = await createUser(t.db, `impostor-${nextId()}@example.com`);

      // Google says the address is not verified: no claim.
      const unverified = await completeSignIn(t.db, {
        user: { id: impostor, email },
        account: { type: "oidc", provider: "google" },
        profile: { email, email_verified: false },
      });
      expect(unverified).toBeNull();
      // GitHub without a verified match in /user/emails: no claim either (no token → not even asked).
      expect(
        await completeSignIn(t.db, { user: { id: impostor, email }, account: { type: "oauth", provider: "github" } }),
      ).toBeNull();
      expect(await ownerOf(t.db, order.id)).toBeNull();

      const owner = await createUser(t.db, `owner-${nextId()}@example.com`);
      const verified = await completeSignIn(t.db, {
        user: { id: owner, email: email.toUpperCase() },
        account: { type: "email", provider: "email" },
      });
      expect(verified).toBe(email);
      expect(await ownerOf(t.db, order.id)).toBe(owner);
    });
  });

  describe("a customer only ever sees their own orders", () => {
    it("lists newest first with lines, and never another customer's orders", async () => {
      const alice = await createUser(t.db, `alice-${nextId()}@example.com`);
      const bob = await createUser(t.db, `bob-${nextId()}@example.com`);
      const older = await createOrder(t.db, {
        email: "a@example.com",
        userId: alice,
        createdAt: new Date("2026-01-01T10:00:00Z"),
      });
      const newer = await createOrder(t.db, {
        email: "a@example.com",
        userId: alice,
        createdAt: new Date("2026-02-01T10:00:00Z"),
      });
      const bobsOrder = await createOrder(t.db, { email: "a@example.com", userId: bob }); // same email, other account
      await createOrder(t.db, { email: "a@example.com" }); // guest, unclaimed
      await t.db.insert(orderLines).values([
        { orderId: newer.id, name: "Papyrus print", unitPriceMinor: 5_000, quantity: 2, lineTotalMinor: 10_000 },
        { orderId: bobsOrder.id, name: "Bob's lamp", unitPriceMinor: 2_500, quantity: 1, lineTotalMinor: 2_500 },
      ]);

      const list = await listCustomerOrders(t.db, alice);
      expect(list.orders.map((o) => o.reference)).toEqual([newer.reference, older.reference]);
      expect(list.orders.map((o) => o.lines)).toEqual([[{ name: "Papyrus print", quantity: 2 }], []]);
      expect(list.total).toBe(2);

      expect(await loadCustomerOrder(t.db, alice, newer.reference)).not.toBeNull();
      expect(await loadCustomerOrder(t.db, alice, bobsOrder.reference)).toBeNull();
      expect(await loadCustomerOrder(t.db, bob, newer.reference)).toBeNull();
      expect((await listCustomerOrders(t.db, bob)).orders.map((o) => o.reference)).toEqual([bobsOrder.reference]);
    });

    it("pages ten at a time and clamps out-of-range pages", async () => {
      const carol = await createUser(t.db, `carol-${nextId()}@example.com`);
      for (let i = 0; i < 12; i++)
        await createOrder(t.db, {
          email: "c@example.com",
          userId: carol,
          createdAt: new Date(Date.UTC(2026, 0, 1 + i)),
        });
      const first = await listCustomerOrders(t.db, carol, 1);
      const second = await listCustomerOrders(t.db, carol, 2);
      expect([first.orders.length, second.orders.length, first.pageCount, first.total]).toEqual([10, 2, 2, 12]);
      expect((await listCustomerOrders(t.db, carol, 99)).page).toBe(2);
      expect(new Set([...first.orders, ...second.orders].map((o) => o.reference)).size).toBe(12);
    });
  });
});

describe("verified email rules (no DB)", () => {
  const github = (emails: unknown, ok = true) =>
    (async () => new Response(JSON.stringify(emails), { status: ok ? 200 : 401 })) as unknown as typeof fetch;

  it.each([
    ["magic link", { user: { email: "A@X.com" }, account: { type: "email", provider: "email" } }, "a@x.com"],
    [
      "google verified",
      {
        user: { email: "a@x.com" },
        account: { type: "oidc", provider: "google" },
        profile: { email: "a@x.com", email_verified: true },
      },
      "a@x.com",
    ],
    [
      "google unverified",
      {
        user: { email: "a@x.com" },
        account: { type: "oidc", provider: "google" },
        profile: { email: "a@x.com", email_verified: false },
      },
      null,
    ],
    [
      "google profile for another address",
      {
        user: { email: "a@x.com" },
        account: { type: "oidc", provider: "google" },
        profile: { email: "b@x.com", email_verified: true },
      },
      null,
    ],
    ["no account", { user: { email: "a@x.com" } }, null],
    ["no email", { user: { email: null }, account: { type: "email", provider: "email" } }, null],
  ] as const)("%s", async (_name, facts, expected) => {
    expect(await verifiedEmailOf(facts as Parameters<typeof verifiedEmailOf>[0])).toBe(expected);
  });

  it("GitHub counts only an address GitHub marks verified", async () => {
    const facts = { user: { email: "a@x.com" }, account: { type: "oauth", provider: "github", access_token: "gho_x" } };
    expect(await verifiedEmailOf(facts, github([{ email: "A@x.com", verified: true, primary: true }]))).toBe("a@x.com");
    expect(await verifiedEmailOf(facts, github([{ email: "a@x.com", verified: false, primary: true }]))).toBeNull();
    expect(await verifiedEmailOf(facts, github([{ email: "other@x.com", verified: true }]))).toBeNull();
    expect(await verifiedEmailOf(facts, github({ message: "Bad credentials" }, false))).toBeNull();
  });

  it.each([
    ["/account/orders?page=2", "/account/orders?page=2"],
    ["https://evil.example/", "/account/orders"],
    ["//evil.example/x", "/account/orders"],
    ["/\\evil.example", "/account/orders"],
    ["javascript:alert(1)", "/account/orders"],
    [undefined, "/account/orders"],
  ])("callback %s → %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});

describe("sign-in methods follow the environment (no DB)", () => {
  const ids = (env: Record<string, string | undefined>) =>
    authProviders(env).map((p) => {
      const provider = typeof p === "function" ? p() : p;
      return `${provider.options?.id ?? provider.id}:${provider.name}`;
    });

  it("offers the dev outbox outside production, and OAuth only with both id and secret", () => {
    expect(ids({ NODE_ENV: "development" })).toEqual(["email:Email"]);
    expect(ids({ NODE_ENV: "development", AUTH_GITHUB_ID: "x" })).toEqual(["email:Email"]);
    expect(
      ids({
        NODE_ENV: "development",
        AUTH_GITHUB_ID: "x",
        AUTH_GITHUB_SECRET: "y",
        AUTH_GOOGLE_ID: "a",
        AUTH_GOOGLE_SECRET: "b",
      }),
    ).toEqual(["email:Email", "github:GitHub", "google:Google"]);
  });

  it("sends real email through Resend when configured, under the same provider id", () => {
    expect(ids({ NODE_ENV: "production", AUTH_RESEND_KEY: "re_x", EMAIL_FROM: "shop@example.com" })).toEqual([
      "email:Resend",
    ]);
    expect(emailDelivery({ NODE_ENV: "development", AUTH_RESEND_KEY: "re_x", EMAIL_FROM: "shop@example.com" })).toBe(
      "resend",
    );
  });

  it("never exposes the outbox in a deployment, even when asked to", () => {
    expect(outboxEnabled({ NODE_ENV: "production" })).toBe(false);
    expect(outboxEnabled({ NODE_ENV: "production", AUTH_DEV_OUTBOX: "1", APP_URL: "http://localhost:3000" })).toBe(
      true,
    ); // e2e, local npm start
    expect(outboxEnabled({ NODE_ENV: "production", AUTH_DEV_OUTBOX: "1", APP_URL: "https://shop.example.com" })).toBe(
      false,
    );
    expect(outboxEnabled({ NODE_ENV: "production", AUTH_DEV_OUTBOX: "1", VERCEL_ENV: "preview" })).toBe(false);
    expect(ids({ NODE_ENV: "production", AUTH_DEV_OUTBOX: "1", APP_URL: "https://shop.example.com" })).toEqual([]);
  });
});
