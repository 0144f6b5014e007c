import { afterEach, describe, expect, it, vi } from "vitest";

import { describePaymobConfig, loadPaymobConfig } from "@/lib/paymob/config";
import {
  EMULATOR_API_KEY,
  EMULATOR_HMAC_SECRET,
  EMULATOR_INTEGRATIONS,
  EMULATOR_PUBLIC_KEY,
  EMULATOR_SECRET_KEY,
} from "@/lib/paymob/emulator-credentials";
import { PaymobConfigError } from "@/lib/paymob/errors";

const egyptTest = {
  PAYMOB_SECRET_KEY: "egy_sk_test_0123456789abcdef",
  PAYMOB_PUBLIC_KEY: "egy_pk_test_fedcba9876543210",
  PAYMOB_HMAC_SECRET: "04DC1A9490B8CC2094C011FC055ADCDB",
  PAYMOB_PAYMENT_METHODS: "4900001, card",
};

function configError(env: Record<string, string | undefined>): PaymobConfigError {
  try {
    loadPaymobConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(PaymobConfigError);
    return error as PaymobConfigError;
  }
  throw new Error("expected loadPaymobConfig to throw");
}

describe("loadPaymobConfig: emulator mode", () => {
  it("uses the built-in emulator when PAYMOB_SECRET_KEY is absent", () => {
    expect(loadPaymobConfig({ APP_URL: "http://127.0.0.1:3100/" })).toEqual({
      mode: "emulator",
      region: "egypt",
      baseUrl: "http://127.0.0.1:3100/paymob-emulator",
      currency: "EGP",
      secretKey: EMULATOR_SECRET_KEY,
      publicKey: EMULATOR_PUBLIC_KEY,
      hmacSecret: EMULATOR_HMAC_SECRET,
      apiKey: EMULATOR_API_KEY,
      paymentMethods: EMULATOR_INTEGRATIONS.map((i) => i.integration_id),
    });
  });

  it("follows appUrl() (PORT fallback) and treats blank variables as absent", () => {
    const config = loadPaymobConfig({
      PORT: "4321",
      PAYMOB_SECRET_KEY: "  ",
      PAYMOB_REGION: "",
      PAYMOB_PUBLIC_KEY: "",
    });
    expect(config.mode).toBe("emulator");
    expect(config.baseUrl).toBe("http://localhost:4321/paymob-emulator");
  });

  it("refuses emulator mode on a public production store, so checkout and callbacks refuse it too", () => {
    const error = configError({ NODE_ENV: "production", APP_URL: "https://shop.example.com" });
    expect(error.variables).toEqual(["PAYMOB_SECRET_KEY"]);
    expect(error.message).toMatch(/its signing secret is public.*ALLOW_EMULATOR_IN_PRODUCTION=1/i);
    expect(
      loadPaymobConfig({
        NODE_ENV: "production",
        APP_URL: "https://shop.example.com",
        ALLOW_EMULATOR_IN_PRODUCTION: "1",
      }).mode,
    ).toBe("emulator");
    expect(loadPaymobConfig({ NODE_ENV: "production", APP_URL: "http://localhost:3000" }).mode).toBe("emulator");
  });

  it("accepts PAYMOB_REGION=egypt, the region the emulator emulates", () => {
    expect(loadPaymobConfig({ PAYMOB_REGION: "Egypt" }).mode).toBe("emulator");
  });

  it.each(["PAYMOB_PUBLIC_KEY", "PAYMOB_HMAC_SECRET", "PAYMOB_API_KEY", "PAYMOB_PAYMENT_METHODS", "PAYMOB_BASE_URL"])(
    "refuses a half-configured Paymob: %s without PAYMOB_SECRET_KEY",
    (variable) => {
      const value =
        variable === "PAYMOB_BASE_URL"
          ? "https://accept.paymob.com"
          : ((egyptTest as Record<string, string>)[variable] ?? "x");
      const error = configError({ [variable]: value });
      expect(error.variables).toEqual([variable]);
      expect(error.message).toContain(`${variable} is set but PAYMOB_SECRET_KEY is not`);
    },
  );

  it.each([
    ["ksa", "sau", "SAR", [4900011]],
    ["uae", "are", "AED", [4900021]],
    ["oman", "omn", "OMR", [4900031]],
  ])(
    "emulates %s without real keys: %s_ emulator keys, %s, that region's integrations",
    (region, prefix, currency, ids) => {
      const config = loadPaymobConfig({ PAYMOB_REGION: region, APP_URL: "http://127.0.0.1:3100" });
      expect(config).toMatchObject({ mode: "emulator", region, currency, paymentMethods: ids });
      expect(config.secretKey).toMatch(new RegExp(`^${prefix}_sk_test_`));
      expect(config.publicKey).toMatch(new RegExp(`^${prefix}_pk_test_`));
      expect(config.baseUrl).toBe("http://127.0.0.1:3100/paymob-emulator");
    },
  );
});

describe("loadPaymobConfig: real keys", () => {
  it("builds a test-mode Egypt config by default", () => {
    expect(loadPaymobConfig(egyptTest)).toEqual({
      mode: "test",
      region: "egypt",
      baseUrl: "https://accept.paymob.com",
      currency: "EGP",
      secretKey: egyptTest.PAYMOB_SECRET_KEY,
      publicKey: egyptTest.PAYMOB_PUBLIC_KEY,
      hmacSecret: egyptTest.PAYMOB_HMAC_SECRET,
      paymentMethods: [4900001, "card"],
    });
  });

  it.each([
    ["egypt", "egy", "https://accept.paymob.com", "EGP"],
    ["ksa", "sau", "https://ksa.paymob.com", "SAR"],
    ["uae", "are", "https://uae.paymob.com", "AED"],
    ["oman", "omn", "https://oman.paymob.com", "OMR"],
  ])("region %s: %s_ keys, %s, %s", (region, prefix, baseUrl, currency) => {
    const config = loadPaymobConfig({
      ...egyptTest,
      PAYMOB_REGION: region.toUpperCase(),
      PAYMOB_SECRET_KEY: `${prefix}_sk_live_abc123`,
      PAYMOB_PUBLIC_KEY: `${prefix}_pk_live_def456`,
      PAYMOB_API_KEY: "ZXlKaGJHY2lPaUpJVXpVeE1pSXNJblI1Y0NJNklrcFhWQ0o5",
    });
    expect(config).toMatchObject({
      mode: "live",
      region,
      baseUrl,
      currency,
      apiKey: "ZXlKaGJHY2lPaUpJVXpVeE1pSXNJblI1Y0NJNklrcFhWQ0o5",
    });
  });

  it("reads the mode from the key, including the dashboard's 'sklive' spelling", () => {
    expect(
      loadPaymobConfig({ ...egyptTest, PAYMOB_SECRET_KEY: "egy_sklive_1", PAYMOB_PUBLIC_KEY: "egy_pklive_2" }).mode,
    ).toBe("live");
    expect(
      loadPaymobConfig({ ...egyptTest, PAYMOB_SECRET_KEY: "sk_test_1", PAYMOB_PUBLIC_KEY: "pk_test_2" }).mode,
    ).toBe("test");
  });

  it("takes an explicit PAYMOB_BASE_URL (e.g. an emulator elsewhere) without its trailing slash", () => {
    const config = loadPaymobConfig({ ...egyptTest, PAYMOB_BASE_URL: "http://127.0.0.1:9000/paymob/" });
    expect(config.baseUrl).toBe("http://127.0.0.1:9000/paymob");
    expect(loadPaymobConfig({ ...egyptTest, PAYMOB_BASE_URL: "https://accept.paymob.com" }).baseUrl).toBe(
      "https://accept.paymob.com",
    );
  });

  it("parses payment methods: ids as numbers, names as strings, duplicates dropped", () => {
    expect(
      loadPaymobConfig({ ...egyptTest, PAYMOB_PAYMENT_METHODS: "123,card-installment, 123 ,wallet" }).paymentMethods,
    ).toEqual([123, "card-installment", "wallet"]);
  });
});

describe("loadPaymobConfig: errors a newcomer can act on", () => {
  it.each([
    [{ PAYMOB_PUBLIC_KEY: undefined }, "PAYMOB_PUBLIC_KEY", /PAYMOB_PUBLIC_KEY is missing/],
    [
      { PAYMOB_HMAC_SECRET: undefined },
      "PAYMOB_HMAC_SECRET",
      /PAYMOB_HMAC_SECRET is missing.*callbacks cannot be verified/,
    ],
    [
      { PAYMOB_PAYMENT_METHODS: undefined },
      "PAYMOB_PAYMENT_METHODS",
      /PAYMOB_PAYMENT_METHODS is missing.*Payment Integrations/,
    ],
    [{ PAYMOB_PAYMENT_METHODS: "123,,card" }, "PAYMOB_PAYMENT_METHODS", /invalid entry ""/],
    [{ PAYMOB_PAYMENT_METHODS: "0" }, "PAYMOB_PAYMENT_METHODS", /invalid entry "0"/],
    [{ PAYMOB_PAYMENT_METHODS: "99999999999999999999" }, "PAYMOB_PAYMENT_METHODS", /invalid entry/],
    [
      { PAYMOB_REGION: "pakistan" },
      "PAYMOB_REGION",
      /PAYMOB_REGION must be one of egypt, ksa, uae, oman \(got "pakistan"\)/,
    ],
    [{ PAYMOB_BASE_URL: "accept.paymob.com" }, "PAYMOB_BASE_URL", /PAYMOB_BASE_URL must be an http\(s\) URL/],
    [{ PAYMOB_BASE_URL: "ftp://accept.paymob.com" }, "PAYMOB_BASE_URL", /PAYMOB_BASE_URL must be an http\(s\) URL/],
    [
      { PAYMOB_SECRET_KEY: "hunter2" },
      "PAYMOB_SECRET_KEY",
      /PAYMOB_SECRET_KEY does not look like a Paymob secret key.*egy_sk_test_/,
    ],
    [{ PAYMOB_SECRET_KEY: "egy_pk_test_abc" }, "PAYMOB_SECRET_KEY", /PAYMOB_SECRET_KEY holds a public key/],
    [
      { PAYMOB_PUBLIC_KEY: "egy_sk_test_abc" },
      "PAYMOB_PUBLIC_KEY",
      /PAYMOB_PUBLIC_KEY holds a secret key — it would be sent to browsers/,
    ],
    [{ PAYMOB_PUBLIC_KEY: "egy_csk_test_abc" }, "PAYMOB_PUBLIC_KEY", /PAYMOB_PUBLIC_KEY holds a secret key/],
    [
      { PAYMOB_PUBLIC_KEY: "egy_pk_live_abc" },
      "PAYMOB_PUBLIC_KEY",
      /PAYMOB_SECRET_KEY is a test key but PAYMOB_PUBLIC_KEY is a live key/,
    ],
    [
      { PAYMOB_PUBLIC_KEY: "sau_pk_test_abc" },
      "PAYMOB_PUBLIC_KEY",
      /PAYMOB_PUBLIC_KEY starts with "sau_" \(Saudi Arabia\) but PAYMOB_REGION is not set, so the region is egypt\. Set PAYMOB_REGION=ksa/,
    ],
    [
      { PAYMOB_SECRET_KEY: "are_sk_test_abc" },
      "PAYMOB_SECRET_KEY",
      /PAYMOB_SECRET_KEY starts with "are_" \(United Arab Emirates\)/,
    ],
    [{ PAYMOB_REGION: "oman" }, "PAYMOB_SECRET_KEY", /starts with "egy_" \(Egypt\) but PAYMOB_REGION is oman/],
    [{ PAYMOB_SECRET_KEY: "pak_sk_test_abc" }, "PAYMOB_SECRET_KEY", /"pak_", a region this store does not support/],
    [
      { PAYMOB_BASE_URL: "https://ksa.paymob.com" },
      "PAYMOB_BASE_URL",
      /PAYMOB_BASE_URL is the ksa host but PAYMOB_REGION is not set/,
    ],
  ])("%o → %s", (override, variable, message) => {
    const error = configError({ ...egyptTest, ...override });
    expect(error.variables).toContain(variable);
    expect(error.message).toMatch(message);
    expect(error.code).toBe("config");
    expect(error.publicMessage).not.toMatch(/PAYMOB_/);
  });

  it("refuses plain http for the API with a live key", () => {
    const error = configError({
      ...egyptTest,
      PAYMOB_SECRET_KEY: "egy_sk_live_a",
      PAYMOB_PUBLIC_KEY: "egy_pk_live_b",
      PAYMOB_BASE_URL: "http://accept.paymob.com",
    });
    expect(error.message).toMatch(/must be https with a live key/);
  });

  it("lists every problem at once and never echoes a credential", () => {
    const error = configError({ PAYMOB_SECRET_KEY: "egy_sk_live_SUPERSECRET", PAYMOB_REGION: "ksa" });
    expect(error.variables).toEqual([
      "PAYMOB_PUBLIC_KEY",
      "PAYMOB_HMAC_SECRET",
      "PAYMOB_SECRET_KEY",
      "PAYMOB_PAYMENT_METHODS",
    ]);
    expect(error.message.split("\n").filter((line) => line.startsWith("  - "))).toHaveLength(4);
    expect(error.message).not.toContain("SUPERSECRET");
  });
});

describe("paymobConfig() and describePaymobConfig()", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("reads process.env once and caches the result", async () => {
    vi.stubEnv("PAYMOB_SECRET_KEY", "");
    vi.stubEnv("APP_URL", "http://127.0.0.1:3999");
    const { paymobConfig } = await import("@/lib/paymob/config");
    const first = paymobConfig();
    expect(first.baseUrl).toBe("http://127.0.0.1:3999/paymob-emulator");
    vi.stubEnv("APP_URL", "http://127.0.0.1:4000");
    expect(paymobConfig()).toBe(first);
  });

  it("describes the config without credentials", () => {
    const line = describePaymobConfig(loadPaymobConfig(egyptTest));
    expect(line).toBe("Paymob test mode, region egypt (EGP), https://accept.paymob.com, payment methods 4900001,card");
    for (const secret of [egyptTest.PAYMOB_SECRET_KEY, egyptTest.PAYMOB_PUBLIC_KEY, egyptTest.PAYMOB_HMAC_SECRET])
      expect(line).not.toContain(secret);
  });
});
