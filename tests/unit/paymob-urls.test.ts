import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { loadPaymobConfig, type PaymobConfig } from "@/lib/paymob/config";
import { PIXEL_ALPHA, paymobBrowserSources, pixelAssets, unifiedCheckoutUrl } from "@/lib/paymob/urls";

const ksa: PaymobConfig = {
  mode: "live",
  region: "ksa",
  baseUrl: "https://ksa.paymob.com",
  currency: "SAR",
  secretKey: "sau_sk_live_x",
  publicKey: "sau_pk_live_ab+c/d=",
  hmacSecret: "H",
  paymentMethods: [1],
};
const emulator = loadPaymobConfig({ APP_URL: "http://127.0.0.1:3100" });

describe("unifiedCheckoutUrl", () => {
  it("puts the public key and client secret in the query, encoded", () => {
    const url = unifiedCheckoutUrl(ksa, "sau_csk_live_1&x=2");
    expect(url).toBe(
      "https://ksa.paymob.com/unifiedcheckout/?publicKey=sau_pk_live_ab%2Bc%2Fd%3D&clientSecret=sau_csk_live_1%26x%3D2",
    );
    const parsed = new URL(url);
    expect(parsed.searchParams.get("publicKey")).toBe(ksa.publicKey);
    expect(parsed.searchParams.get("clientSecret")).toBe("sau_csk_live_1&x=2");
    expect([...parsed.searchParams.keys()]).toEqual(["publicKey", "clientSecret"]);
  });

  it("points at the emulator below the app in emulator mode", () => {
    expect(unifiedCheckoutUrl(emulator, "egy_csk_test_1")).toBe(
      `http://127.0.0.1:3100/paymob-emulator/unifiedcheckout/?publicKey=${emulator.publicKey}&clientSecret=egy_csk_test_1`,
    );
  });
});

describe("pixelAssets", () => {
  it("loads Paymob's documented CDN build with real keys", () => {
    expect(pixelAssets(ksa)).toEqual({
      script: "https://cdn.jsdelivr.net/npm/paymob-pixel@latest/main.js",
      styles: [
        "https://cdn.jsdelivr.net/npm/paymob-pixel@latest/styles.css",
        "https://cdn.jsdelivr.net/npm/paymob-pixel@latest/main.css",
      ],
    });
  });

  it("loads the emulator's Pixel-compatible build in emulator mode", () => {
    expect(pixelAssets(emulator)).toEqual({
      script: "http://127.0.0.1:3100/paymob-emulator/pixel/main.js",
      styles: ["http://127.0.0.1:3100/paymob-emulator/pixel/main.css"],
    });
  });
});

describe("the npm build of Pixel", () => {
  it("loads only main.js (its styles are inlined), at the version the e2e suite runs", () => {
    expect(pixelAssets({ ...emulator, pixelBuild: "paymob-pixel-alpha" })).toEqual({
      script: "https://cdn.jsdelivr.net/npm/paymob-pixel-alpha@1.2.14/main.js",
      styles: [],
    });
    const installed = JSON.parse(
      readFileSync(path.join(process.cwd(), "node_modules/paymob-pixel-alpha/package.json"), "utf8"),
    ) as { version: string };
    expect(PIXEL_ALPHA.folder).toBe(`https://cdn.jsdelivr.net/npm/paymob-pixel-alpha@${installed.version}`);
  });

  it("is compiled with the hosts the CSP allows for it", () => {
    const bundle = readFileSync(path.join(process.cwd(), "node_modules/paymob-pixel-alpha/main.js"), "utf8");
    const environment = bundle.slice(bundle.indexOf("./src/environments/environment.ts"));
    const hosts = new Set(environment.slice(0, 1200).match(/https:\/\/[a-z0-9.-]+/g));
    expect([...hosts].sort()).toEqual([PIXEL_ALPHA.api, PIXEL_ALPHA.frontEnd].sort());
  });
});

describe("paymobBrowserSources", () => {
  it("lists the API host, the Pixel folder on the CDN and the regional checkout front-end for real keys", () => {
    expect(paymobBrowserSources(ksa)).toEqual({
      api: "https://ksa.paymob.com",
      pixel: "https://cdn.jsdelivr.net/npm/paymob-pixel@latest/",
      connect: ["https://ksa.paymob.com"],
      frames: ["https://ksa.paymob.com", "https://ksa.checkout.paymob.com"],
    });
  });

  it("is only the app's own origin and its emulator's Pixel folder in emulator mode", () => {
    expect(paymobBrowserSources(emulator)).toEqual({
      api: "http://127.0.0.1:3100",
      pixel: "http://127.0.0.1:3100/paymob-emulator/pixel/",
      connect: ["http://127.0.0.1:3100"],
      frames: ["http://127.0.0.1:3100"],
    });
  });

  it("lists only the staging hosts Paymob's npm build is compiled with, when that build is chosen", () => {
    expect(paymobBrowserSources({ ...emulator, pixelBuild: "paymob-pixel-alpha" })).toEqual({
      api: "http://127.0.0.1:3100",
      pixel: "https://cdn.jsdelivr.net/npm/paymob-pixel-alpha@1.2.14/",
      connect: ["https://accept-alpha.paymob.com"],
      frames: ["https://alpha.checkout.paymob.com"],
    });
  });

  it("holds every Pixel asset inside the Pixel folder", () => {
    for (const config of [ksa, emulator, { ...emulator, pixelBuild: "paymob-pixel-alpha" as const }]) {
      const { pixel } = paymobBrowserSources(config);
      const { script, styles } = pixelAssets(config);
      for (const url of [script, ...styles]) expect(url.startsWith(pixel), url).toBe(true);
    }
  });
});
