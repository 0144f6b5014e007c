import { describe, expect, it } from "vitest";
import { emulatorExposure, intentionUrlErrors, urlRefusal, type Exposure } from "@/lib/emulator/exposure";

// When the emulator counts as public (APP_URL off loopback), and where a public one may send callbacks and browsers.

describe("emulatorExposure", () => {
  it.each([
    [{}, false], // npm start / npm run dev: http://localhost:3000
    [{ PORT: "4000" }, false],
    [{ APP_URL: "http://localhost:3000" }, false],
    [{ APP_URL: "http://127.0.0.1:3208/" }, false],
    [{ APP_URL: "http://[::1]:3000" }, false],
    [{ APP_URL: "http://127.0.0.2:3000" }, false], // all of 127.0.0.0/8 is this machine (the store's own loopback rule)
    [{ NODE_ENV: "production", APP_URL: "http://localhost:3000" }, false], // the README's npm start
  ] as const)("local for %j", (env, expected) => {
    expect(emulatorExposure(env).public).toBe(expected);
  });

  it.each([
    [{ APP_URL: "https://shop.example.com" }, "https://shop.example.com"],
    [{ APP_URL: "https://shop.example.com/" }, "https://shop.example.com"],
    [{ APP_URL: "http://10.0.0.5:3000" }, "http://10.0.0.5:3000"], // a LAN address is reachable by others
    [{ VERCEL_ENV: "preview", VERCEL_URL: "store-git-x.vercel.app" }, "https://store-git-x.vercel.app"], // a preview without keys
    [
      {
        VERCEL_ENV: "production",
        VERCEL_PROJECT_PRODUCTION_URL: "demo.example.com",
        ALLOW_EMULATOR_IN_PRODUCTION: "1",
      },
      "https://demo.example.com",
    ],
  ] as const)("public for %j, own origin %s", (env, origin) => {
    expect(emulatorExposure(env)).toEqual({ public: true, appOrigin: origin });
  });

  it("an APP_URL that is no URL at all counts as public with no origin of its own (nothing allowed)", () => {
    const exposure = emulatorExposure({ APP_URL: "not a url" });
    expect(exposure).toEqual({ public: true, appOrigin: null });
    expect(urlRefusal("https://shop.example.com/api/paymob/callback", "notification_url", exposure)).not.toBeNull();
    expect(urlRefusal("data:text/plain,hi", "notification_url", exposure)).not.toBeNull();
  });
});

describe("urlRefusal", () => {
  const local: Exposure = { public: false };
  const pub: Exposure = { public: true, appOrigin: "https://shop.example.com" };

  it("local: any URL, since tests and developers point callbacks at their own receivers", () => {
    for (const url of [
      "http://127.0.0.1:41234/cb/x",
      "http://169.254.169.254/latest/meta-data/",
      "https://elsewhere.test/",
    ]) {
      expect(urlRefusal(url, "notification_url", local)).toBeNull();
    }
  });

  it.each([
    "https://shop.example.com/api/paymob/callback",
    "https://shop.example.com/api/paymob/callback?x-vercel-protection-bypass=s3cret", // what the app sends behind Deployment Protection
    "https://SHOP.example.com:443/checkout/return",
    "https://shop.example.com/checkout/return?from=paymob#top",
  ])("public: the app's own origin is allowed (%s)", (url) => {
    expect(urlRefusal(url, "notification_url", pub)).toBeNull();
  });

  it.each([
    "http://127.0.0.1:5432/", // the database next door
    "http://localhost:3000/api/paymob/callback",
    "http://169.254.169.254/latest/meta-data/iam/", // cloud metadata
    "http://[::1]/",
    "http://10.0.0.1/admin",
    "http://shop.example.com/api/paymob/callback", // same host, other scheme
    "https://shop.example.com:8443/api/paymob/callback", // same host, other port
    "https://shop.example.com.evil.test/api/paymob/callback",
    "https://evil.test/?next=https://shop.example.com/",
    "https://user:pass@shop.example.com/api/paymob/callback",
    "ftp://shop.example.com/",
    "not a url",
  ])("public: %s is refused", (url) => {
    const refusal = urlRefusal(url, "notification_url", pub);
    expect(refusal).toMatch(/public|valid URL/);
  });

  it("the refusal names the field and the app's origin, so a merchant knows what to change", () => {
    expect(urlRefusal("https://evil.test/cb", "redirection_url", pub)).toBe(
      "This emulator is public, so redirection_url must be on this app's own origin (https://shop.example.com); https://evil.test is not.",
    );
  });
});

describe("intentionUrlErrors", () => {
  const pub: Exposure = { public: true, appOrigin: "https://shop.example.com" };

  it("answers DRF-shaped field errors (Paymob's 400 body) for each foreign URL, nothing for absent ones", () => {
    expect(intentionUrlErrors({}, pub)).toBeNull();
    expect(
      intentionUrlErrors(
        {
          notification_url: "https://shop.example.com/api/paymob/callback",
          redirection_url: "https://shop.example.com/checkout/return",
        },
        pub,
      ),
    ).toBeNull();
    const errors = intentionUrlErrors(
      { notification_url: "http://127.0.0.1:8080/", redirection_url: "https://evil.test/" },
      pub,
    );
    expect(Object.keys(errors ?? {})).toEqual(["notification_url", "redirection_url"]);
    expect(errors?.notification_url).toEqual([
      expect.stringContaining("notification_url must be on this app's own origin"),
    ]);
    expect(intentionUrlErrors({ redirection_url: "https://evil.test/" }, pub)).toEqual({
      redirection_url: [expect.any(String)],
    });
    expect(intentionUrlErrors({ notification_url: "http://127.0.0.1:8080/" }, { public: false })).toBeNull();
  });
});
