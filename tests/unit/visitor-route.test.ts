import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/visitor/route";
import type { Viewer } from "@/lib/auth/session";
import { logger } from "@/lib/logger";
import { fetchVisitor, parseVisitorAnswer, VISITOR_PATH } from "@/lib/visitor/answer";

// GET /api/visitor, the header's only per-visitor read, with the cookie, session and database stubbed; and the
// browser's side of it, which takes only a well-formed answer.

const request = vi.hoisted(() => ({
  cartId: undefined as string | undefined,
  count: (): Promise<number> => Promise.resolve(0),
  viewer: (): Promise<Viewer | null> => Promise.resolve(null),
}));
vi.mock("@/lib/cart", () => ({
  readCartId: async () => request.cartId,
  countCartItems: () => request.count(),
}));
vi.mock("@/db/client", () => ({ getDb: async () => ({}) }));
vi.mock("@/lib/auth/session", () => ({ getViewer: () => request.viewer() }));

const viewer = (email: string, name: string | null = null): Viewer => ({
  userId: "u1",
  email,
  name,
  verifiedEmail: email,
});

async function answer() {
  const response = await GET();
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  const parsed = parseVisitorAnswer(await response.json());
  if (!parsed) throw new Error("the route's answer fails the browser's check");
  return parsed;
}

describe("GET /api/visitor", () => {
  beforeEach(() => {
    vi.stubEnv("ADMIN_EMAILS", "admin@example.com");
    Object.assign(request, {
      cartId: undefined,
      count: () => Promise.resolve(0),
      viewer: () => Promise.resolve(null),
    });
  });

  it("a new visitor: no cart, signed out", async () => {
    expect(await answer()).toEqual({ cartCount: 0, account: null });
  });

  it("the cart's item count and the account the menu shows (its name, else its email)", async () => {
    Object.assign(request, {
      cartId: "c1",
      count: () => Promise.resolve(3),
      viewer: () => Promise.resolve(viewer("layla@example.com", "Layla")),
    });
    expect(await answer()).toEqual({ cartCount: 3, account: { label: "Layla", isAdmin: false } });
    request.viewer = () => Promise.resolve(viewer("layla@example.com"));
    expect((await answer()).account).toEqual({ label: "layla@example.com", isAdmin: false });
  });

  it("an admin by ADMIN_EMAILS, on the verified email only", async () => {
    request.viewer = () => Promise.resolve(viewer("Admin@Example.com"));
    expect((await answer()).account).toEqual({ label: "Admin@Example.com", isAdmin: true });
    request.viewer = () => Promise.resolve({ ...viewer("admin@example.com"), verifiedEmail: null });
    expect((await answer()).account?.isAdmin).toBe(false);
  });

  it("a database failure hides the count (0) and is logged; the answer still comes", async () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
    Object.assign(request, {
      cartId: "c1",
      count: () => Promise.reject(new Error("connection refused")),
      viewer: () => Promise.resolve(viewer("layla@example.com")),
    });
    expect(await answer()).toEqual({ cartCount: 0, account: { label: "layla@example.com", isAdmin: false } });
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ scope: "cart", cartId: "c1" }),
      "header count failed",
    );
    logged.mockRestore();
  });
});

describe("fetchVisitor (the browser's read)", () => {
  const replying = (status: number, body: unknown) =>
    vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => Response.json(body, { status }));

  it("asks /api/visitor, past any cache, and returns a well-formed answer", async () => {
    const fake = replying(200, { cartCount: 2, account: null });
    expect(await fetchVisitor(fake as typeof fetch)).toEqual({ cartCount: 2, account: null });
    expect(fake).toHaveBeenCalledWith(VISITOR_PATH, expect.objectContaining({ cache: "no-store" }));
  });

  it("keeps only the fields it knows", async () => {
    const fake = replying(200, { cartCount: 1, account: { label: "a@b.c", isAdmin: false, extra: 1 }, more: true });
    expect(await fetchVisitor(fake as typeof fetch)).toEqual({
      cartCount: 1,
      account: { label: "a@b.c", isAdmin: false },
    });
  });

  it.each([
    ["an error status", replying(503, { cartCount: 2, account: null })],
    ["a malformed answer", replying(200, { cartCount: "2", account: null })],
    ["a negative count", replying(200, { cartCount: -1, account: null })],
    ["an account without its admin flag", replying(200, { cartCount: 0, account: { label: "x" } })],
    ["a fractional count", replying(200, { cartCount: 1.5, account: null })],
    ["no account field", replying(200, { cartCount: 1 })],
    ["a bare array", replying(200, [1])],
    ["a network failure", vi.fn(() => Promise.reject(new TypeError("Failed to fetch")))],
  ])("null on %s, so the header keeps what it showed", async (_, fake) => {
    expect(await fetchVisitor(fake as typeof fetch)).toBeNull();
  });
});
