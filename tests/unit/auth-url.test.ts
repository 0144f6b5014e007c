import { describe, expect, it, vi } from "vitest";
import { authOrigin, pinAuthUrl } from "@/lib/auth/auth-url";
import { logger } from "@/lib/logger";

describe("AUTH_URL comes from APP_URL", () => {
  it.each([
    [{ APP_URL: "https://shop.example.com" }, "https://shop.example.com"],
    [{ APP_URL: "https://shop.example.com/" }, "https://shop.example.com"],
    [{ APP_URL: "https://shop.example.com/store/" }, "https://shop.example.com"], // an origin: Auth.js reads a path as its basePath
    [{ PORT: "4000" }, "http://localhost:4000"],
    [{ VERCEL_ENV: "preview", VERCEL_URL: "shop-abc.vercel.app" }, "https://shop-abc.vercel.app"],
    [{ NEXTAUTH_URL: "https://evil.example" }, "http://localhost:3000"], // next-auth's legacy name is overridden too
  ])("%j → %s", (env: Record<string, string | undefined>, expected) => {
    pinAuthUrl(env);
    expect(env.AUTH_URL).toBe(expected);
  });

  it("APP_URL wins over a different AUTH_URL, loudly", () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => {});
    const env: Record<string, string | undefined> = {
      APP_URL: "https://shop.example.com",
      AUTH_URL: "https://other.example",
    };
    pinAuthUrl(env);
    expect(env.AUTH_URL).toBe("https://shop.example.com");
    expect(warn).toHaveBeenCalledWith(
      { scope: "auth", authUrl: "https://other.example", using: "https://shop.example.com" },
      expect.stringMatching(/AUTH_URL .* another site/),
    );
    warn.mockRestore();
  });

  it("names APP_URL when it is not a URL", () => {
    expect(() => authOrigin({ APP_URL: "shop.example.com" })).toThrow(/APP_URL must be a full URL/);
  });
});
