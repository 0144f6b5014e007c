import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { confirmationLink, emailCallbackPath, parseMagicLink } from "@/lib/auth/magic-link";
import { guardMagicLinkCallback } from "@/lib/auth/magic-link-route";

const ORIGIN = "https://shop.example.com";
const AUTHJS_LINK = `${ORIGIN}/api/auth/callback/email?callbackUrl=${encodeURIComponent(`${ORIGIN}/account/orders`)}&token=abc123&email=a%40x.com`;

describe("sign-in links", () => {
  it("the emailed link is the confirmation page with Auth.js's parameters", () => {
    const link = new URL(confirmationLink(AUTHJS_LINK));
    expect(`${link.origin}${link.pathname}`).toBe(`${ORIGIN}/login/confirm`);
    expect(parseMagicLink(link.searchParams)).toEqual({
      token: "abc123",
      email: "a@x.com",
      callbackUrl: `${ORIGIN}/account/orders`,
    });
  });

  it("the confirmation form posts back to Auth.js's callback with the same parameters", () => {
    const link = parseMagicLink(new URL(AUTHJS_LINK).searchParams)!;
    expect(`${ORIGIN}${emailCallbackPath(link)}`).toBe(AUTHJS_LINK);
  });

  it.each([
    [{ token: "abc" }, "no address"],
    [{ email: "a@x.com" }, "no token"],
    [{ token: "abc", email: "not-an-email" }, "a malformed address"],
    [{ token: ["a", "b"], email: "a@x.com" }, "a repeated token"],
    [{ token: "x".repeat(600), email: "a@x.com" }, "an absurd token"],
  ] as [Record<string, string | string[]>, string][])("%j is refused (%s)", (params) => {
    expect(parseMagicLink(params)).toBeNull();
  });
});

describe("the guard in front of Auth.js's magic-link callback", () => {
  const request = (method: string, path: string, headers: Record<string, string> = {}) =>
    new NextRequest(`${ORIGIN}${path}`, { method, headers });
  const callback = new URL(AUTHJS_LINK);
  const callbackPath = `${callback.pathname}${callback.search}`;

  it("sends a GET (a scanner, an old link) to the confirmation page instead of consuming the token", () => {
    const response = guardMagicLinkCallback(request("GET", callbackPath), ORIGIN)!;
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(confirmationLink(AUTHJS_LINK));
  });

  it.each([
    [{}, "no Origin"],
    [{ origin: "https://evil.example" }, "another site"],
    [{ origin: "null" }, "an opaque origin"],
    [{ origin: "http://shop.example.com" }, "the same host over http"],
  ] as [Record<string, string>, string][])("refuses a POST with %j (%s)", (headers) => {
    expect(guardMagicLinkCallback(request("POST", callbackPath, headers), ORIGIN)?.status).toBe(403);
  });

  it("lets the store's own POST through to Auth.js, and only with the address in the link", () => {
    expect(guardMagicLinkCallback(request("POST", callbackPath, { origin: ORIGIN }), ORIGIN)).toBeNull();
    const noEmail = guardMagicLinkCallback(
      request("POST", "/api/auth/callback/email?token=abc123", { origin: ORIGIN }),
      ORIGIN,
    )!;
    expect(noEmail.headers.get("location")).toBe(`${ORIGIN}/login?error=Verification`);
  });

  it.each(["/api/auth/callback/email/", "/api/auth//callback//email", "/api/auth/callback/email//"])(
    "guards %s too, which Auth.js also reads as the email callback",
    (path) => {
      expect(guardMagicLinkCallback(request("GET", `${path}${callback.search}`), ORIGIN)?.status).toBe(303);
      expect(
        guardMagicLinkCallback(request("POST", `${path}${callback.search}`, { origin: "https://evil.example" }), ORIGIN)
          ?.status,
      ).toBe(403);
    },
  );

  it("leaves every other Auth.js route alone", () => {
    for (const path of [
      "/api/auth/session",
      "/api/auth/csrf",
      "/api/auth/callback/github?code=x",
      "/api/auth/signin/email",
      "/api/auth/callback/emails",
    ]) {
      expect(guardMagicLinkCallback(request("GET", path), ORIGIN)).toBeNull();
      expect(guardMagicLinkCallback(request("POST", path), ORIGIN)).toBeNull();
    }
  });
});
