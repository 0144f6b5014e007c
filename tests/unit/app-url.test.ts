import { describe, expect, it } from "vitest";
import { appUrl, callbackUrl, isLoopbackUrl, returnUrl } from "@/lib/app-url";

describe("app URL", () => {
  it("prefers APP_URL, without a trailing slash", () => {
    expect(appUrl({ APP_URL: "https://shop.example.com/", VERCEL_URL: "x.vercel.app" })).toBe(
      "https://shop.example.com",
    );
  });
  it("uses the production domain on Vercel production and the deployment URL on previews", () => {
    expect(
      appUrl({
        VERCEL_ENV: "production",
        VERCEL_PROJECT_PRODUCTION_URL: "shop.vercel.app",
        VERCEL_URL: "shop-abc.vercel.app",
      }),
    ).toBe("https://shop.vercel.app");
    expect(
      appUrl({
        VERCEL_ENV: "preview",
        VERCEL_PROJECT_PRODUCTION_URL: "shop.vercel.app",
        VERCEL_URL: "shop-abc.vercel.app",
      }),
    ).toBe("https://shop-abc.vercel.app");
  });
  it("falls back to localhost and PORT", () => {
    expect(appUrl({})).toBe("http://localhost:3000");
    expect(appUrl({ PORT: "3100" })).toBe("http://localhost:3100");
  });
  it("adds Vercel's protection bypass to the callback URL only", () => {
    const env = { APP_URL: "https://p.vercel.app", VERCEL_AUTOMATION_BYPASS_SECRET: "s3cret" };
    expect(callbackUrl(env)).toBe("https://p.vercel.app/api/paymob/callback?x-vercel-protection-bypass=s3cret");
    expect(returnUrl(env)).toBe("https://p.vercel.app/checkout/return");
    expect(callbackUrl({ APP_URL: "http://localhost:3000" })).toBe("http://localhost:3000/api/paymob/callback");
  });
  it("tells this machine's addresses from addresses others can reach", () => {
    for (const url of [
      "http://localhost:3000",
      "http://127.0.0.1:3100",
      "http://127.1.2.3",
      "http://[::1]:3000",
      "http://shop.localhost",
    ])
      expect(isLoopbackUrl(url), url).toBe(true);
    for (const url of [
      "https://shop.example.com",
      "http://192.168.1.2:3000",
      "http://localhost.example.com",
      "http://127.0.0.1.nip.io",
      "not a url",
      "",
    ])
      expect(isLoopbackUrl(url), url).toBe(false);
  });
});
