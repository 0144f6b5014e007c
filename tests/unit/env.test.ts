import { describe, expect, it } from "vitest";
import { envProblems, isDeployed } from "@/lib/env";

const LIVE = {
  PAYMOB_SECRET_KEY: "egy_sk_live_abc123",
  PAYMOB_PUBLIC_KEY: "egy_pk_live_abc123",
  PAYMOB_HMAC_SECRET: "A1B2C3D4E5F60718293A4B5C6D7E8F90",
  PAYMOB_PAYMENT_METHODS: "123456",
};
const DEPLOYED = { NODE_ENV: "production", APP_URL: "https://shop.example.com", AUTH_SECRET: "x".repeat(40) };

describe("environment validation", () => {
  it("accepts the embedded defaults: no env at all", () => {
    expect(envProblems({})).toEqual([]);
    expect(envProblems({ NODE_ENV: "production", APP_URL: "http://localhost:3000" })).toEqual([]);
  });

  it("accepts a complete production configuration", () => {
    expect(envProblems({ ...DEPLOYED, ...LIVE, DATABASE_URL: "postgres://u:p@ep-x.neon.tech/db" })).toEqual([]);
  });

  it("treats localhost as local even under NODE_ENV=production, and any real host or Vercel as deployed", () => {
    expect(isDeployed({ NODE_ENV: "production", APP_URL: "http://127.0.0.1:3000" })).toBe(false);
    expect(isDeployed({ NODE_ENV: "production", APP_URL: "https://shop.example.com" })).toBe(true);
    expect(isDeployed({ NODE_ENV: "production", VERCEL_ENV: "preview" })).toBe(true);
    expect(isDeployed({ NODE_ENV: "development", APP_URL: "https://shop.example.com" })).toBe(false);
  });

  it("refuses real keys without PAYMOB_HMAC_SECRET, naming the variable", () => {
    const { PAYMOB_HMAC_SECRET: _, ...noHmac } = LIVE;
    expect(envProblems({ ...DEPLOYED, ...noHmac }).join("\n")).toMatch(/PAYMOB_HMAC_SECRET is missing/);
  });

  it("refuses the emulator together with live keys", () => {
    expect(envProblems({ PAYMOB_PUBLIC_KEY: LIVE.PAYMOB_PUBLIC_KEY }).join("\n")).toMatch(/PAYMOB_PUBLIC_KEY is set but PAYMOB_SECRET_KEY is not/);
    expect(envProblems({ ...LIVE, PAYMOB_EMULATOR: "1" }).join("\n")).toMatch(/PAYMOB_EMULATOR=1 together with live/);
  });

  it("refuses a non-https APP_URL and a missing AUTH_SECRET in production", () => {
    expect(envProblems({ ...DEPLOYED, ...LIVE, APP_URL: "http://shop.example.com" }).join("\n")).toMatch(/APP_URL must be https/);
    const { AUTH_SECRET: _, ...noSecret } = DEPLOYED;
    expect(envProblems({ ...noSecret, ...LIVE }).join("\n")).toMatch(/AUTH_SECRET is missing/);
  });

  it("refuses a Vercel production deployment that would run the emulator, unless it is declared a demo", () => {
    const vercel = { NODE_ENV: "production", VERCEL_ENV: "production", VERCEL_PROJECT_PRODUCTION_URL: "shop.vercel.app", AUTH_SECRET: "x".repeat(40) };
    expect(envProblems(vercel).join("\n")).toMatch(/built-in emulator would take fake payments/);
    expect(envProblems({ ...vercel, ALLOW_EMULATOR_IN_PRODUCTION: "1" })).toEqual([]);
    expect(envProblems({ ...vercel, VERCEL_ENV: "preview" })).toEqual([]); // previews demo the emulator
  });

  it("explains malformed values", () => {
    expect(envProblems({ DATABASE_URL: "mysql://x" }).join("\n")).toMatch(/DATABASE_URL must start with postgres/);
    expect(envProblems({ STORE_CURRENCY: "euro" }).join("\n")).toMatch(/STORE_CURRENCY/);
    expect(envProblems({ AUTH_SECRET: "short" }).join("\n")).toMatch(/at least 32/);
  });
});
