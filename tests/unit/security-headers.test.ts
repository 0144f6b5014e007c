import { describe, expect, it } from "vitest";
import { browserPaymobOrigins, securityHeaders } from "@/lib/security-headers";

const csp = (env: Record<string, string>, dev = false) => securityHeaders(env, { dev }).find((h) => h.key === "Content-Security-Policy")!.value;
const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";

describe("security headers", () => {
  it("allows only the app itself in emulator mode", () => {
    expect(browserPaymobOrigins({ APP_URL: "http://localhost:3000" })).toEqual(["http://localhost:3000"]);
    const policy = csp({ APP_URL: "http://localhost:3000" });
    expect(policy).not.toMatch(/paymob\.com|jsdelivr/);
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'self'");
  });

  it("allows the configured region's API, the Pixel CDN and its card frame with real keys", () => {
    const policy = csp({ PAYMOB_SECRET_KEY: "sau_sk_test_x", PAYMOB_REGION: "ksa" });
    expect(directive(policy, "script-src")).toContain("https://cdn.jsdelivr.net");
    expect(directive(policy, "connect-src")).toContain("https://ksa.paymob.com");
    expect(directive(policy, "frame-src")).toContain("https://ksa.checkout.paymob.com");
    expect(policy).not.toContain("accept.paymob.com"); // only the region in use
  });

  it("sends HSTS and no eval outside development", () => {
    const prod = securityHeaders({});
    expect(prod.find((h) => h.key === "Strict-Transport-Security")?.value).toMatch(/max-age=\d+/);
    expect(csp({})).not.toContain("unsafe-eval");
    expect(securityHeaders({}, { dev: true }).some((h) => h.key === "Strict-Transport-Security")).toBe(false);
    expect(csp({}, true)).toContain("unsafe-eval");
  });

  it("sets a referrer policy and blocks foreign framing", () => {
    const keys = Object.fromEntries(securityHeaders({}).map((h) => [h.key, h.value]));
    expect(keys["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(keys["X-Frame-Options"]).toBe("SAMEORIGIN");
    expect(keys["X-Content-Type-Options"]).toBe("nosniff");
  });
});
