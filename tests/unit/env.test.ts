import { describe, expect, it } from "vitest";
import { envProblems, isDeployed } from "@/lib/env";
import { storeCurrency, storeRegion, storeTimeZone } from "@/lib/store";

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
    expect(envProblems({ PAYMOB_PUBLIC_KEY: LIVE.PAYMOB_PUBLIC_KEY }).join("\n")).toMatch(
      /PAYMOB_PUBLIC_KEY is set but PAYMOB_SECRET_KEY is not/,
    );
    expect(envProblems({ ...LIVE, PAYMOB_EMULATOR: "1" }).join("\n")).toMatch(/PAYMOB_EMULATOR=1 together with live/);
  });

  it("refuses a non-https APP_URL and a missing AUTH_SECRET in production", () => {
    expect(envProblems({ ...DEPLOYED, ...LIVE, APP_URL: "http://shop.example.com" }).join("\n")).toMatch(
      /APP_URL must be https/,
    );
    const { AUTH_SECRET: _, ...noSecret } = DEPLOYED;
    expect(envProblems({ ...noSecret, ...LIVE }).join("\n")).toMatch(/AUTH_SECRET is missing/);
  });

  it("refuses a Vercel production deployment that would run the emulator, unless it is declared a demo", () => {
    const vercel = {
      NODE_ENV: "production",
      VERCEL_ENV: "production",
      VERCEL_PROJECT_PRODUCTION_URL: "shop.vercel.app",
      AUTH_SECRET: "x".repeat(40),
    };
    expect(envProblems(vercel).join("\n")).toMatch(/built-in Paymob emulator.*ALLOW_EMULATOR_IN_PRODUCTION=1/);
    expect(envProblems({ ...vercel, ALLOW_EMULATOR_IN_PRODUCTION: "1" })).toEqual([]);
    expect(envProblems({ ...vercel, VERCEL_ENV: "preview" })).toEqual([]); // previews demo the emulator
  });

  it("refuses a self-hosted production store on a public APP_URL that would run the emulator", () => {
    // `next start` behind a reverse proxy on a real domain, no Paymob keys, not Vercel.
    const problems = envProblems(DEPLOYED);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^PAYMOB_SECRET_KEY is not set.*https:\/\/shop\.example\.com.*anyone could mark an order paid/,
    );
    expect(problems[0]).toMatch(
      /Set PAYMOB_SECRET_KEY, PAYMOB_PUBLIC_KEY, PAYMOB_HMAC_SECRET and PAYMOB_PAYMENT_METHODS .* or set ALLOW_EMULATOR_IN_PRODUCTION=1/,
    );
    expect(envProblems({ ...DEPLOYED, APP_URL: "http://192.168.1.20:3000" }).join("\n")).toMatch(
      /built-in Paymob emulator/,
    ); // a LAN is public too
    expect(envProblems({ ...DEPLOYED, ALLOW_EMULATOR_IN_PRODUCTION: "1" })).toEqual([]);
    expect(envProblems({ ...DEPLOYED, ALLOW_EMULATOR_IN_PRODUCTION: "true" }).join("\n")).toMatch(
      /built-in Paymob emulator/,
    ); // only "1"
    expect(envProblems({ ...DEPLOYED, ...LIVE })).toEqual([]);
  });

  it("keeps `npm start` on this machine in emulator mode, and development anywhere", () => {
    for (const url of [
      "http://localhost:3000",
      "http://127.0.0.1:3100",
      "http://[::1]:3000",
      "http://shop.localhost:3000",
    ]) {
      expect(envProblems({ NODE_ENV: "production", APP_URL: url }), url).toEqual([]);
    }
    expect(envProblems({ NODE_ENV: "production" })).toEqual([]); // APP_URL defaults to http://localhost:$PORT
    expect(envProblems({ NODE_ENV: "development", APP_URL: "https://tunnel.example.com" })).toEqual([]);
  });

  it("explains malformed values", () => {
    expect(envProblems({ DATABASE_URL: "mysql://x" }).join("\n")).toMatch(/DATABASE_URL must start with postgres/);
    expect(envProblems({ STORE_CURRENCY: "euro" }).join("\n")).toMatch(/STORE_CURRENCY/);
    expect(envProblems({ AUTH_SECRET: "short" }).join("\n")).toMatch(/at least 32/);
  });

  it("takes the store currency from PAYMOB_REGION, emulator or not, and refuses one the region cannot charge", () => {
    expect(storeCurrency({})).toBe("EGP");
    expect(storeCurrency({ PAYMOB_REGION: "oman" })).toBe("OMR");
    expect(storeCurrency({ PAYMOB_REGION: " KSA " })).toBe("SAR");
    expect(storeCurrency({ PAYMOB_REGION: "uae", STORE_CURRENCY: "aed" })).toBe("AED");
    expect(envProblems({ PAYMOB_REGION: "oman" })).toEqual([]);
    expect(envProblems({ PAYMOB_REGION: "oman", STORE_CURRENCY: "EGP" }).join("\n")).toMatch(
      /STORE_CURRENCY is EGP but Paymob's Oman region \(PAYMOB_REGION=oman\) charges in OMR/,
    );
    expect(envProblems({ STORE_CURRENCY: "SAR" }).join("\n")).toMatch(/STORE_CURRENCY is SAR .* charges in EGP/);
  });

  it("takes the store's region and clock from PAYMOB_REGION, Egypt when unset or unknown", () => {
    expect([storeRegion({}), storeTimeZone({})]).toEqual(["egypt", "Africa/Cairo"]);
    expect([storeRegion({ PAYMOB_REGION: " KSA " }), storeTimeZone({ PAYMOB_REGION: "ksa" })]).toEqual([
      "ksa",
      "Asia/Riyadh",
    ]);
    expect(storeTimeZone({ PAYMOB_REGION: "uae" })).toBe("Asia/Dubai");
    expect(storeTimeZone({ PAYMOB_REGION: "oman" })).toBe("Asia/Muscat");
    expect(storeRegion({ PAYMOB_REGION: "pakistan" })).toBe("egypt");
  });
});
