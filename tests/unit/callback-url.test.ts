import { describe, expect, it } from "vitest";
import { authRedirect, safeCallbackPath } from "@/lib/auth/callback-url";

const FALLBACK = "/account/orders";

describe("safeCallbackPath: only a path on this site survives, judged after normalisation", () => {
  it.each([
    ["/account/orders?page=2", "/account/orders?page=2"],
    ["/account/orders/PS-A1#timeline", "/account/orders/PS-A1#timeline"],
    ["/", "/"],
    ["/products/aswan-clay-mug?ref=a%2Fb", "/products/aswan-clay-mug?ref=a%2Fb"],
    ["/account/../admin", "/admin"], // normalised, still on this site
    ["/a b", "/a%20b"],
  ])("keeps %j as %j", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  // Each of these is read by some browser or by the URL parser as another host, a script, or is ambiguous.
  it.each([
    // What the issue found: "/..//evil.example" normalises to the protocol-relative "//evil.example".
    "/..//evil.example",
    "/../..//evil.example/x",
    "/.//evil.example",
    "/./..//evil.example",
    "/%2E%2E//evil.example",
    "/%2e%2e//evil.example",
    // Protocol-relative and its disguises.
    "//evil.example",
    "//evil.example/account",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "\\/evil.example",
    // Whitespace the URL parser strips ("/\t/evil.example" is "//evil.example" to a browser).
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    " //evil.example",
    "/%09/evil.example",
    "/%0a/evil.example",
    "/account\u0000",
    // Encoded slashes and backslashes, once and twice.
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "/%5Cevil.example",
    "/%5c%5cevil.example",
    "/%252F%252Fevil.example",
    "/%25252F%25252Fevil.example",
    "%2F%2Fevil.example",
    "%2F..%2F%2Fevil.example",
    // Other schemes and hosts.
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://evil.example/",
    "http://localhost:3000@evil.example/",
    "https:evil.example",
    "https:/evil.example",
    "//localhost:3000@evil.example",
    "evil.example",
    "",
    // Not strings, or absurd.
    undefined,
    null,
    42,
    ["/account"],
  ])("refuses %j", (input) => {
    expect(safeCallbackPath(input)).toBe(FALLBACK);
  });

  it("refuses an absurdly long path", () => {
    expect(safeCallbackPath(`/${"a".repeat(3000)}`)).toBe(FALLBACK);
  });

  it("uses the caller's fallback", () => {
    expect(safeCallbackPath("//evil.example", "/")).toBe("/");
  });
});

describe("authRedirect: where Auth.js may send the browser after signing in or out", () => {
  const base = "https://shop.example.com";

  it.each([
    ["/account/orders", `${base}/account/orders`],
    [`${base}/account/orders?page=2`, `${base}/account/orders?page=2`],
    [base, `${base}/`],
    ["/..//evil.example", `${base}/`],
    [`${base}/..//evil.example`, `${base}/`],
    ["https://evil.example/", `${base}/`],
    ["https://shop.example.com.evil.example/", `${base}/`],
    ["http://shop.example.com/account", `${base}/`], // another origin (scheme) is another site
    ["javascript:alert(1)", `${base}/`],
    ["not a url", `${base}/`],
  ])("%j → %j", (url, expected) => {
    expect(authRedirect(url, base)).toBe(expected);
  });
});
