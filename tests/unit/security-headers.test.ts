import { describe, expect, it } from "vitest";
import { PAYMOB_REGIONS, REGION_NAMES } from "@/lib/paymob/regions";
import { pixelAssets } from "@/lib/paymob/urls";
import {
  browserPaymobSources,
  contentSecurityPolicy,
  isEmbeddableEverywhere,
  pageSecurityHeaders,
  staticSecurityHeaders,
} from "@/lib/security-headers";

const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";
const sources = (policy: string, name: string) => directive(policy, name).split(" ").slice(1);

/** CSP source matching for the scheme-host-path sources this policy uses (a path ending in / is a folder). */
function allows(policy: string, name: string, url: string): boolean {
  return sources(policy, name).some((source) => {
    if (!/^https?:\/\//.test(source)) return false;
    const { origin, pathname } = new URL(source);
    const target = new URL(url);
    if (target.origin !== origin) return false;
    return (
      pathname === "/" || (pathname.endsWith("/") ? target.pathname.startsWith(pathname) : target.pathname === pathname)
    );
  });
}

const realKeys = (region: string) => ({
  PAYMOB_SECRET_KEY: "x_sk_test_1",
  PAYMOB_REGION: region,
  APP_URL: "https://shop.example.com",
});
const CHECKOUT_FRONTEND = {
  egypt: "https://eg.checkout.paymob.com",
  ksa: "https://ksa.checkout.paymob.com",
  uae: "https://uae.checkout.paymob.com",
  oman: "https://om.checkout.paymob.com",
};

describe("the content security policy", () => {
  it("allows exactly the npm Pixel build's folder and staging hosts when PAYMOB_PIXEL_BUILD chooses it", () => {
    const env = { APP_URL: "http://localhost:3000", PAYMOB_PIXEL_BUILD: "paymob-pixel-alpha" };
    const policy = contentSecurityPolicy(env, { nonce: "n0nce" });
    expect(sources(policy, "script-src")).toEqual([
      "'self'",
      "'nonce-n0nce'",
      "https://cdn.jsdelivr.net/npm/paymob-pixel-alpha@1.2.14/",
    ]);
    expect(sources(policy, "connect-src")).toEqual(["'self'", "https://accept-alpha.paymob.com"]);
    expect(sources(policy, "frame-src")).toEqual(["'self'", "https://alpha.checkout.paymob.com"]);
    expect(policy).not.toMatch(/paymob-emulator\/pixel|paymob-pixel@latest/);
    // Pixel's frame may ask for the Payment Request API (wallets) in it, and only in it.
    const permissions = pageSecurityHeaders(env).find((h) => h.key === "Permissions-Policy")!.value;
    expect(permissions).toContain('payment=(self "https://alpha.checkout.paymob.com")');
  });

  it("lets any page frame the emulator's card frame, as Paymob's frame host is, and nothing else", () => {
    expect(isEmbeddableEverywhere("/paymob-emulator/iframe-card-v2/")).toBe(true);
    expect(isEmbeddableEverywhere("/paymob-emulator/iframe-card")).toBe(true);
    for (const path of ["/paymob-emulator/unifiedcheckout/", "/iframe-card-v2/", "/paymob-emulator/iframe-card-v2/x"])
      expect(isEmbeddableEverywhere(path), path).toBe(false);
    const env = { APP_URL: "http://localhost:3000" };
    expect(directive(contentSecurityPolicy(env, { embeddable: true }), "frame-ancestors")).toBe("frame-ancestors *");
    expect(directive(contentSecurityPolicy(env), "frame-ancestors")).toBe("frame-ancestors 'self'");
  });

  it("allows only the app itself and its emulator in emulator mode", () => {
    const policy = contentSecurityPolicy({ APP_URL: "http://localhost:3000" }, { nonce: "n0nce" });
    expect(policy).not.toMatch(/paymob\.com|jsdelivr/);
    expect(sources(policy, "script-src")).toEqual([
      "'self'",
      "'nonce-n0nce'",
      "http://localhost:3000/paymob-emulator/pixel/",
    ]);
    expect(sources(policy, "connect-src")).toEqual(["'self'", "http://localhost:3000"]);
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'self'");
  });

  it.each(REGION_NAMES)(
    "allows region %s's API, card frame and the Pixel folder with real keys, and nothing of other regions",
    (region) => {
      const policy = contentSecurityPolicy(realKeys(region), { nonce: "n0nce" });
      const api = PAYMOB_REGIONS[region].baseUrl;
      expect(sources(policy, "connect-src")).toEqual(["'self'", api]);
      expect(sources(policy, "frame-src")).toEqual(["'self'", api, CHECKOUT_FRONTEND[region]]);
      expect(sources(policy, "form-action")).toEqual(["'self'", api]); // the no-JavaScript redirect to Unified Checkout
      for (const other of REGION_NAMES.filter((r) => r !== region))
        expect(policy).not.toContain(PAYMOB_REGIONS[other].baseUrl);
      expect(policy).not.toContain("localhost"); // nothing of the emulator
    },
  );

  it("narrows scripts from the whole CDN to Paymob's Pixel folder, and allows exactly what the Pixel page loads", () => {
    const policy = contentSecurityPolicy(realKeys("egypt"), { nonce: "n0nce" });
    expect(sources(policy, "script-src")).toEqual([
      "'self'",
      "'nonce-n0nce'",
      "https://cdn.jsdelivr.net/npm/paymob-pixel@latest/",
    ]);
    expect(allows(policy, "script-src", "https://cdn.jsdelivr.net/npm/some-other-package/index.js")).toBe(false);
    const assets = pixelAssets({ mode: "test", region: "egypt", baseUrl: "https://accept.paymob.com" });
    expect(allows(policy, "script-src", assets.script)).toBe(true);
    for (const style of assets.styles) expect(allows(policy, "style-src", style), style).toBe(true);

    const emulatorPolicy = contentSecurityPolicy({ APP_URL: "http://127.0.0.1:3100" });
    const emulatorAssets = pixelAssets({
      mode: "emulator",
      region: "egypt",
      baseUrl: "http://127.0.0.1:3100/paymob-emulator",
    });
    expect(allows(emulatorPolicy, "script-src", emulatorAssets.script)).toBe(true);
    for (const style of emulatorAssets.styles) expect(allows(emulatorPolicy, "style-src", style), style).toBe(true);
  });

  it("runs inline scripts only with the request's nonce; without a nonce (HTML that cannot carry one) it allows them", () => {
    const strict = contentSecurityPolicy({}, { nonce: "abc+/=" });
    expect(sources(strict, "script-src")).toContain("'nonce-abc+/='");
    expect(sources(strict, "script-src")).not.toContain("'unsafe-inline'");
    // A nonce in style-src would switch its 'unsafe-inline' off for the inlined stylesheet and style attributes.
    expect(directive(strict, "style-src")).not.toContain("nonce");
    expect(sources(strict, "style-src")).toContain("'unsafe-inline'");

    const loose = contentSecurityPolicy({});
    expect(sources(loose, "script-src")).toContain("'unsafe-inline'");
    expect(loose).not.toContain("nonce");
  });

  it("follows PAYMOB_BASE_URL (a proxy in front of Paymob)", () => {
    const policy = contentSecurityPolicy({
      ...realKeys("egypt"),
      PAYMOB_BASE_URL: "https://paymob-proxy.example.com/api/",
    });
    expect(sources(policy, "connect-src")).toEqual(["'self'", "https://paymob-proxy.example.com"]);
    expect(
      browserPaymobSources({ ...realKeys("egypt"), PAYMOB_BASE_URL: "https://paymob-proxy.example.com/api/" }).api,
    ).toBe("https://paymob-proxy.example.com");
  });

  it("allows eval and the dev server's websocket only in development", () => {
    expect(contentSecurityPolicy({})).not.toMatch(/unsafe-eval|ws:/);
    const dev = contentSecurityPolicy({}, { dev: true, nonce: "n" });
    expect(sources(dev, "script-src")).toContain("'unsafe-eval'");
    expect(sources(dev, "connect-src")).toEqual(expect.arrayContaining(["ws:", "wss:"]));
  });

  it("delegates the Payment Request API to Paymob's frames only", () => {
    const headers = Object.fromEntries(pageSecurityHeaders(realKeys("ksa")).map((h) => [h.key, h.value]));
    expect(headers["Permissions-Policy"]).toBe(
      'camera=(), microphone=(), geolocation=(), payment=(self "https://ksa.paymob.com" "https://ksa.checkout.paymob.com")',
    );
    expect(headers["Content-Security-Policy"]).toContain("https://ksa.paymob.com");
  });
});

describe("the configuration-independent headers", () => {
  it("send HSTS outside development, a referrer policy, nosniff and no foreign framing", () => {
    const keys = Object.fromEntries(staticSecurityHeaders().map((h) => [h.key, h.value]));
    expect(keys).toEqual({
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "SAMEORIGIN",
      "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    });
    expect(staticSecurityHeaders({ dev: true }).some((h) => h.key === "Strict-Transport-Security")).toBe(false);
    expect(staticSecurityHeaders().some((h) => h.key === "Content-Security-Policy")).toBe(false); // per request, from the proxy
  });
});
